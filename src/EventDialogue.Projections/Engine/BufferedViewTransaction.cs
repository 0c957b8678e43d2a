using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// Holds a batch's writes to summary documents (a topic's tally, changed by many streams in one batch) and writes
/// each once, at the end of the batch: the reads of the batch see its own writes, as in the transaction beneath.
/// </summary>
internal sealed class BufferedViewTransaction(IViewTransaction inner) : IViewTransaction
{
    // insertion-ordered (nothing is ever removed), so the writes come out in the same order however the batch is replayed
    private readonly Dictionary<(string Collection, string Id), ViewDocument?> _written = [];

    public IReadOnlyDictionary<string, Position> Checkpoints => inner.Checkpoints;

    public Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        _written.TryGetValue((collection, id), out var written) ? Task.FromResult(written) : inner.GetAsync(collection, id, cancellationToken);

    public async Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default)
    {
        await WriteAsync(cancellationToken).ConfigureAwait(false);
        return await inner.FindAsync(collection, tag, cancellationToken).ConfigureAwait(false);
    }

    public Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        _written[(document.Collection, document.Id)] = document;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        _written[(collection, id)] = null;
        return Task.CompletedTask;
    }

    /// <summary>Writes what the batch left in each document it touched.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        foreach (var ((collection, id), document) in _written)
        {
            if (document is null)
            {
                await inner.DeleteAsync(collection, id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await inner.PutAsync(document, cancellationToken).ConfigureAwait(false);
            }
        }

        _written.Clear();
    }

    public Task CommitAsync(IReadOnlyDictionary<string, Position> checkpoints, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the buffered writes are written by the batch, which the runner commits");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
