using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.Recording;

public sealed class RecordCommandHandler : ICommandHandler<RecordCommand, Recorded>
{
    private const int MaxRequestIdLength = 200;

    // When the caller did not pin a revision, a concurrent append to the same stream is not its conflict:
    // decide again on the new state, a few times.
    private const int Attempts = 3;

    private readonly IEventStore _store;
    private readonly TimeProvider _clock;

    // Commands to one stream from this process take turns, so that they never conflict with each other;
    // conflicts with other processes are met by deciding again. None for a run over a pending store of its own.
    private readonly SemaphoreSlim[]? _streamTurns;

    private readonly ParsedFacts? _parsed;

    public RecordCommandHandler(IEventStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
        _streamTurns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    }

    /// <summary>
    /// Decides a run of commands in turn over <paramref name="pending"/>, a store of the run's own (a batch's or a
    /// check's): no one else appends to it, so its commands take no turns, and each event it reads is parsed once for
    /// all the run's decisions.
    /// </summary>
    internal RecordCommandHandler(Checking.PendingEventStore pending, TimeProvider clock)
    {
        _store = pending;
        _clock = clock;
        _parsed = new ParsedFacts();
    }

    public async ValueTask<Recorded> Handle(RecordCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_streamTurns is null)
        {
            return await RecordAsync(request, cancellationToken);
        }

        // by the entity, so that its own stream and its companion (facts in confidence) take the same turn
        var entity = Streams.HomeOf(request.Command.Stream ?? string.Empty);
        var turn = _streamTurns[(int)((uint)StringComparer.Ordinal.GetHashCode(entity) % (uint)_streamTurns.Length)];
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
        var entityStreams = StreamHistory.EntityStreams(stream);
        var references = ReferencedStreams(request.Command.References);
        for (var attempt = 1; ; attempt++)
        {
            // whether the request was recorded, and which of the entity's streams and the referenced ones exist, in one
            // lookup: a retry is answered from its first result without reading the entity's streams, and a new stream is
            // not read at all
            var lookup = await _store.LookUpAsync([RequestEventIds.For(request.RequestId, 0)], [.. entityStreams, .. references.Values], cancellationToken);
            if (await EarlierRequest.FindAsync(_store, lookup, request.RequestId, entityStreams, fingerprint, cancellationToken) is { } replayed)
            {
                return replayed;
            }

            var history = await StreamHistory.LoadAsync(_store, stream, lookup.Revisions, _parsed, cancellationToken);

            var referenced = references.Where(r => lookup.Revisions.ContainsKey(r.Value)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var known = new Known(referenced, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime));
            var decided = Deciders.For(request.Command).Decide(history.Facts, request.Command, known);

            // A caller's expected revision is that of the stream the facts go to, which the reply names.
            var destination = Destination(request.Command, stream, decided, history);
            var revision = history.RevisionOf(destination);
            if (request.ExpectedRevision is { } expected && !expected.IsSatisfiedBy(revision))
            {
                throw new WrongExpectedRevisionException(destination, expected, revision);
            }

            var events = decided.Select((fact, i) => new EventData(
                RequestEventIds.For(request.RequestId, i),
                EventTypes.NameOf(fact),
                DomainEventJson.Serialize(fact),
                new EventMetadata(request.RecordedBy, request.RequestId, request.RequestId, DomainEventJson.SchemaVersion, fingerprint))).ToList();
            try
            {
                var result = await _store.AppendToStreamAsync(
                    destination,
                    revision is { } current ? ExpectedRevision.Exact(current) : ExpectedRevision.NoStream,
                    events,
                    cancellationToken);
                return new Recorded(destination.Value, result.NextExpectedRevision, result.Position.Value, events.Count);
            }
            catch (WrongExpectedRevisionException) when ((request.ExpectedRevision is null || request.ExpectedRevision == ExpectedRevision.Any) && attempt < Attempts)
            {
                // someone else appended between our read and our append: decide again on what they wrote
            }
        }
    }

    /// <summary>
    /// Where the decided facts are appended. A correction or retraction goes beside the entry it amends (its target
    /// stream: the companion for an entry in confidence, as a correction cannot change that). A fact in confidence goes
    /// to the entity's companion stream, every other fact to its own, so that the own stream reads to one not cleared
    /// for confidential entries exactly as if those had never been recorded: no gap in its revisions.
    /// </summary>
    /// <remarks>
    /// Each append is conditional on its own stream's revision only; no lock spans the two streams, and none is needed.
    /// A decision reads the other stream only for whether the case is open (its opening is in its own stream) and
    /// whether it has been raised (a response needs a raising, public or in confidence). Appends to the other stream
    /// can only add to those (raisings accumulate; a correction of a raising is a raising, in the same stream) except a
    /// retraction, and a retraction reads nothing across streams (it is never refused for what rests on the entry: a
    /// response may outlive its retracted raising when recorded one after the other too). So two concurrent appends to
    /// the two streams end as the serial order that puts the retraction (or else either) last would: each decision
    /// holds on what it read.
    /// </remarks>
    private static StreamName Destination(IDomainCommand command, StreamName stream, IReadOnlyList<IDomainEvent> decided, StreamHistory history)
    {
        if (command is CorrectionCommand || history.Companion is null || !decided.Any(Confidentiality.IsConfidential))
        {
            return command is CorrectionCommand ? stream : history.Home;
        }

        return decided.All(Confidentiality.IsConfidential)
            ? history.Companion
            : throw new InvalidOperationException($"{command.GetType().Name} decided facts both in confidence and not: they would go to two streams");
    }

    /// <summary>Each well-formed reference with its stream; a malformed id names nothing, and its decision says which field is wrong.</summary>
    private static Dictionary<string, StreamName> ReferencedStreams(IEnumerable<string> references)
    {
        var streams = new Dictionary<string, StreamName>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (streams.ContainsKey(reference))
            {
                continue;
            }

            try
            {
                streams[reference] = StreamName.Parse(reference);
            }
            catch (InvalidStoreRequestException)
            {
                // named nothing
            }
        }

        return streams;
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
