using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.Recording;

public sealed class RecordCommandHandler(IEventStore store, TimeProvider clock) : ICommandHandler<RecordCommand, Recorded>
{
    private const int MaxRequestIdLength = 200;

    // When the caller did not pin a revision, a concurrent append to the same stream is not its conflict:
    // decide again on the new state, a few times.
    private const int Attempts = 3;

    // Commands to one stream from this process take turns, so that they never conflict with each other;
    // conflicts with other processes are met by deciding again.
    private readonly SemaphoreSlim[] _streamTurns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async ValueTask<Recorded> Handle(RecordCommand request, CancellationToken cancellationToken)
    {
        var turn = _streamTurns[(int)((uint)StringComparer.Ordinal.GetHashCode(request.Command.Stream ?? string.Empty) % (uint)_streamTurns.Length)];
        await turn.WaitAsync(cancellationToken);
        try
        {
            return await RecordAsync(request, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<Recorded> RecordAsync(RecordCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RequestId) || request.RequestId.Length > MaxRequestIdLength)
        {
            throw DomainException.Invalid("request_id", $"a request id is 1 to {MaxRequestIdLength} characters");
        }

        var stream = ParseStream(request.Command);
        var fingerprint = RequestFingerprint.Of(request.Command);
        for (var attempt = 1; ; attempt++)
        {
            if (await EarlierRequest.FindAsync(store, request.RequestId, stream, fingerprint, cancellationToken) is { } first)
            {
                return first;
            }

            var history = await StreamHistory.LoadAsync(store, stream, Deciders.For(request.Command), cancellationToken);

            if (request.ExpectedRevision is { } expected && !expected.IsSatisfiedBy(history.Revision))
            {
                throw new WrongExpectedRevisionException(stream, expected, history.Revision);
            }

            var known = new Known(await ExistingAsync(request.Command.References, cancellationToken), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var decided = Deciders.For(request.Command).Decide(history.State, request.Command, known);
            var events = decided.Select((fact, i) => new EventData(
                RequestEventIds.For(request.RequestId, i),
                EventTypes.NameOf(fact),
                DomainEventJson.Serialize(fact),
                new EventMetadata(request.RecordedBy, request.RequestId, request.RequestId, DomainEventJson.SchemaVersion, fingerprint))).ToList();
            try
            {
                var result = await store.AppendToStreamAsync(
                    stream,
                    history.Revision is { } revision ? ExpectedRevision.Exact(revision) : ExpectedRevision.NoStream,
                    events,
                    cancellationToken);
                return new Recorded(stream.Value, result.NextExpectedRevision, result.Position.Value, events.Count);
            }
            catch (WrongExpectedRevisionException) when ((request.ExpectedRevision is null || request.ExpectedRevision == ExpectedRevision.Any) && attempt < Attempts)
            {
                // someone else appended between our read and our append: decide again on what they wrote
            }
        }
    }

    private async Task<HashSet<string>> ExistingAsync(IEnumerable<string> references, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            StreamName name;
            try
            {
                name = StreamName.Parse(reference);
            }
            catch (InvalidStoreRequestException)
            {
                continue; // a malformed id names nothing; the decision says which field is wrong
            }

            if (await store.GetStreamRevisionAsync(name, cancellationToken) is not null)
            {
                existing.Add(reference);
            }
        }

        return existing;
    }

    private static StreamName ParseStream(IDomainCommand command)
    {
        try
        {
            return StreamName.Parse(command.Stream);
        }
        catch (InvalidStoreRequestException ex)
        {
            throw DomainException.Invalid(Deciders.IdFieldOf(command), ex.Reason);
        }
    }
}
