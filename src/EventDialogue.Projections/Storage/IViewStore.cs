using EventDialogue.EventStore;

namespace EventDialogue.Projections.Storage;

/// <summary>
/// The views as a projection runner sees them: each projection's checkpoint, and transactions that commit changes with
/// checkpoints. A runner needs no more, so it can be given the views under other names (<see cref="FreshCopyViews"/>).
/// </summary>
public interface IProjectionViews
{
    /// <summary>The last position the projection has applied, or <see cref="Position.Start"/>.</summary>
    Task<Position> ReadCheckpointAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>Starts the projection's next transaction.</summary>
    Task<IViewTransaction> BeginAsync(string projection, CancellationToken cancellationToken = default) =>
        BeginAsync([projection], cancellationToken);

    /// <summary>
    /// Starts one transaction for the next batches of several projections, holding each one's checkpoint: projections
    /// that follow the log together commit together, one transaction per batch rather than one each.
    /// </summary>
    Task<IViewTransaction> BeginAsync(IReadOnlyList<string> projections, CancellationToken cancellationToken = default);

    /// <summary>
    /// How long a live runner may gather the events of further appends into a batch before committing it, when no
    /// reader waits for them: a store whose view commits hold appends up asks for a while, so that many appends share
    /// one commit. None by default: what is at hand is committed at once.
    /// </summary>
    TimeSpan LiveGathering => TimeSpan.Zero;
}

/// <summary>
/// Where views live, beside the events. A projection's changes and its checkpoint are committed in one transaction,
/// so a crash neither loses nor applies twice any event.
/// </summary>
public interface IViewStore : IProjectionViews, IAsyncDisposable
{
    Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    Task<ViewPage> QueryAsync(ViewQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every document of a collection carrying all the tags (at least one), in the collection's order. Found from the
    /// tag index, starting at the first tag's entries: give the rarest tag first (e.g. one round's), and the read costs
    /// what it finds, not the size of the collection (<see cref="QueryAsync"/> walks the collection in order).
    /// </summary>
    Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many documents of a collection carry all the tags (at least one), counted in the tag index alone: no
    /// document is read. Starts at the first tag's entries, as <see cref="FindAsync"/> does.
    /// </summary>
    Task<int> CountAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken = default);

    /// <summary>
    /// Several gets, finds and counts at once, on one connection and (on PostgreSQL) in one round trip: what one call
    /// needs from a few reads costs about what one read does, not one connection and one round trip each.
    /// </summary>
    Task<ViewReadResults> ReadAsync(ViewReads reads, CancellationToken cancellationToken = default);

    /// <summary>Drops the documents of the given collections and the projection's checkpoint, so it rebuilds from zero.</summary>
    Task ResetAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the projection's fresh copy (built beside it under the names <see cref="FreshCopy"/> gives) in the place of
    /// its view, in one transaction: the documents of the collections are dropped and the copy's take their place, the
    /// copy's checkpoint becomes the projection's, and the copy's is dropped. Readers see the whole former view until
    /// the commit and the whole new one after it, never a view half built. A copy with no checkpoint is an empty view at
    /// the start of the log.
    /// </summary>
    /// <returns>The projection's checkpoint now: the copy's.</returns>
    /// <exception cref="FreshCopyBehindException">The copy has applied less of the log than the view; nothing is changed.</exception>
    Task<Position> ReplaceWithFreshCopyAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken = default);
}

/// <summary>The uncommitted changes of one projection, or of several committing together. Reads see the transaction's own writes.</summary>
public interface IViewTransaction : IAsyncDisposable
{
    /// <summary>
    /// Each projection's committed checkpoint, read when the transaction began and held: no other transaction of the
    /// same projection can commit until this one ends. A runner compares it with where it left off, so that two
    /// runners of one projection (two processes that both believe they lead) can never apply an event twice.
    /// </summary>
    IReadOnlyDictionary<string, Position> Checkpoints { get; }

    /// <summary>The checkpoint of the transaction's one projection (see <see cref="Checkpoints"/>).</summary>
    Position Checkpoint => Checkpoints.Count == 1
        ? Checkpoints.Values.Single()
        : throw new InvalidOperationException($"the transaction holds {Checkpoints.Count} projections' checkpoints, not one");

    Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>Every document of a collection carrying the tag (e.g. every link to one round).</summary>
    Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default);

    Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default);

    Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>Commits the changes together with the new checkpoint of every projection the transaction holds.</summary>
    Task CommitAsync(Position checkpoint, CancellationToken cancellationToken = default) =>
        CommitAsync(Checkpoints.Keys.ToDictionary(p => p, _ => checkpoint, StringComparer.Ordinal), cancellationToken);

    /// <summary>Commits the changes together with each projection's new checkpoint (one for every projection it holds).</summary>
    Task CommitAsync(IReadOnlyDictionary<string, Position> checkpoints, CancellationToken cancellationToken = default);
}
