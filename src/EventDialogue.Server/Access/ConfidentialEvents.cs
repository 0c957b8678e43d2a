using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;
using EventDialogue.Server.Api.History;

namespace EventDialogue.Server.Access;

/// <summary>
/// Which stored events the caller may not see: the one place the history reads, proofs and the EventStoreDB read API
/// ask. An event is confidential when its fact is recorded in confidence (<see cref="Confidentiality"/>: a case raised
/// privately, a response received in confidence), when it corrects an entry with such a fact, or when it amends (corrects
/// or retracts) an entry that is confidential: its target revision, type and reason would otherwise tell of it.
/// </summary>
public sealed class ConfidentialEvents(IEventStore store, CallerClearance caller)
{
    /// <summary>Whether the caller is cleared, and so sees every event.</summary>
    public bool CallerSeesAll => caller.SeesConfidential;

    /// <summary>
    /// Whether a whole stream is hidden from the caller: an entity's companion stream, which holds only its facts in
    /// confidence (<see cref="Streams.ConfidentialMark"/>); to one not cleared it does not exist.
    /// </summary>
    public bool StreamHidden(StreamName stream) => !caller.SeesConfidential && Streams.IsConfidentialCompanion(stream?.Value);

    /// <summary>NOT_FOUND, exactly as for a stream never written, when the whole stream is hidden from the caller.</summary>
    /// <exception cref="StreamNotFoundException">The stream is hidden from the caller.</exception>
    public void RequireVisible(StreamName stream)
    {
        if (StreamHidden(stream))
        {
            throw new StreamNotFoundException(stream);
        }
    }

    /// <summary>Whether the event is hidden from the caller.</summary>
    public async ValueTask<bool> HiddenAsync(RecordedEvent recorded, CancellationToken cancellationToken) =>
        !caller.SeesConfidential && await IsConfidentialAsync(recorded, cancellationToken);

    public async ValueTask<bool> IsConfidentialAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return HistoryEventMappings.ReadFact(recorded) switch
        {
            EntryCorrected c => Confidentiality.IsConfidential(c.Replacement) || await TargetIsConfidentialAsync(recorded, c.TargetRevision, cancellationToken),
            EntryRetracted r => await TargetIsConfidentialAsync(recorded, r.TargetRevision, cancellationToken),
            var fact => Confidentiality.IsConfidential(fact),
        };
    }

    // An amendment targets an earlier event of its own stream; amendments are rare, so it is read when one is met.
    private async ValueTask<bool> TargetIsConfidentialAsync(RecordedEvent amendment, long revision, CancellationToken cancellationToken)
    {
        if (revision < 0 || revision >= amendment.Revision)
        {
            return false;
        }

        await foreach (var target in store.ReadStreamAsync(amendment.Stream, Direction.Forwards, StreamRevision.At(revision), 1, cancellationToken))
        {
            return await IsConfidentialAsync(target, cancellationToken);
        }

        return false;
    }
}
