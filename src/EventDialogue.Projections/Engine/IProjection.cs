using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// A view's logic, written once for every backend: it turns the events of $all into changes of its documents.
/// It must be deterministic, so that a rebuild from zero comes out identical to the incrementally built view.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name; its checkpoint is stored under it.</summary>
    string Name { get; }

    /// <summary>The collections it owns, dropped when it is rebuilt.</summary>
    IReadOnlyList<string> Collections { get; }

    /// <summary>
    /// Starts a batch of the events after the committed checkpoint. The batch takes its events and prepares what it can
    /// before its view transaction begins, so that the transaction (which holds SQLite's one write turn for the whole
    /// file) does little more than write.
    /// </summary>
    IProjectionBatch Begin(BatchStart start);

    /// <summary>
    /// The same projection with nothing kept from the batches this one applied, for a runner of its own: what a
    /// projection keeps between batches stands on its own view's checkpoint, so a view built beside it (a fresh copy,
    /// see <see cref="Storage.FreshCopy"/>) needs an instance of its own.
    /// </summary>
    IProjection Fresh();

    /// <summary>
    /// Whether its documents can depend on the events of this stream: the runner parses and applies only those, and
    /// tells the batch of the others by their position alone (<see cref="IProjectionBatch.Passed"/>).
    /// </summary>
    bool Follows(StreamName stream) => true;
}

/// <summary>Where a batch starts: the checkpoint its view transaction must still hold, and the log it may read up to there.</summary>
public sealed record BatchStart(Position Checkpoint, IEventStore Events);

/// <summary>
/// The events of one transaction: applied one by one and prepared outside any view transaction, then flushed into the
/// transaction, which commits them with the batch's last position.
/// </summary>
public interface IProjectionBatch
{
    /// <summary>Takes the next event; throws if the event cannot be applied.</summary>
    void Apply(ProjectedEvent projected);

    /// <summary>An event of a stream the projection does not follow went by, in order with those applied.</summary>
    void Passed(Position position)
    {
    }

    /// <summary>Does the batch's work that needs no view transaction (folding, serialising); it may read the log, never the views.</summary>
    Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes the batch into the view transaction, whose checkpoint is the one the batch started from.</summary>
    Task FlushAsync(IViewTransaction views, CancellationToken cancellationToken);
}

/// <summary>An event of $all with its domain meaning.</summary>
public sealed record ProjectedEvent(RecordedEvent Recorded, IDomainEvent Fact);
