using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// The transaction a projection's summaries are written through: a summary (a topic's tally) is read by both
/// audiences, so each document it puts is tagged for both. It is built only from what the uncleared may read
/// (<see cref="StreamProjection"/> passes it those documents alone), so it never counts a confidential fact.
/// </summary>
internal sealed class SummaryTransaction(IViewTransaction inner) : IViewTransaction
{
    public IReadOnlyDictionary<string, Position> Checkpoints => inner.Checkpoints;

    public Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(collection, id, cancellationToken);

    public Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default) =>
        inner.FindAsync(collection, tag, cancellationToken);

    public Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return inner.PutAsync(document with { Tags = [.. document.Tags, new(Audiences.Tag, Audiences.Cleared), new(Audiences.Tag, Audiences.Uncleared)] }, cancellationToken);
    }

    public Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(collection, id, cancellationToken);

    public Task CommitAsync(IReadOnlyDictionary<string, Position> checkpoints, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("a summary is committed with the batch that changed it, never on its own");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
