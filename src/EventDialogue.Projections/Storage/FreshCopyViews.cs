using EventDialogue.EventStore;

namespace EventDialogue.Projections.Storage;

/// <summary>
/// The views of some projections as their fresh copies (<see cref="FreshCopy"/>): a runner given these builds the copy
/// beside the view in use, its projections none the wiser: each name they use is mapped to the copy's on the way in,
/// and back on the way out. Only the given projections and collections are mapped; any other name is refused, so a
/// copy can never write into a view in use.
/// </summary>
public sealed class FreshCopyViews(IProjectionViews views, IReadOnlyList<string> projections, IReadOnlyList<string> collections) : IProjectionViews
{
    private readonly Names _projections = new(projections, "projection");
    private readonly Names _collections = new(collections, "collection");

    public Task<Position> ReadCheckpointAsync(string projection, CancellationToken cancellationToken = default) =>
        views.ReadCheckpointAsync(_projections.ToCopy(projection), cancellationToken);

    public async Task<IViewTransaction> BeginAsync(IReadOnlyList<string> projections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projections);
        var inner = await views.BeginAsync([.. projections.Select(_projections.ToCopy)], cancellationToken).ConfigureAwait(false);
        return new Transaction(inner, _projections, _collections);
    }

    /// <summary>Names mapped to their copies' and back.</summary>
    private sealed class Names
    {
        private readonly string _kind;
        private readonly Dictionary<string, string> _toCopy;
        private readonly Dictionary<string, string> _fromCopy;

        public Names(IReadOnlyList<string> names, string kind)
        {
            ArgumentNullException.ThrowIfNull(names);
            _kind = kind;
            _toCopy = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, FreshCopy.Of, StringComparer.Ordinal);
            _fromCopy = _toCopy.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        }

        public string ToCopy(string name) => _toCopy.TryGetValue(name, out var copy)
            ? copy
            : throw new ArgumentException($"the {_kind} {name} is not one this fresh copy builds", nameof(name));

        public string FromCopy(string copy) => _fromCopy.TryGetValue(copy, out var name)
            ? name
            : throw new InvalidOperationException($"the view store answered with {copy}, not a {_kind} of this fresh copy");
    }

    private sealed class Transaction(IViewTransaction inner, Names projections, Names collections) : IViewTransaction
    {
        public IReadOnlyDictionary<string, Position> Checkpoints { get; } =
            inner.Checkpoints.ToDictionary(p => projections.FromCopy(p.Key), p => p.Value, StringComparer.Ordinal);

        public async Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
        {
            var document = await inner.GetAsync(collections.ToCopy(collection), id, cancellationToken).ConfigureAwait(false);
            return document is null ? null : document with { Collection = collection };
        }

        public async Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default)
        {
            var found = await inner.FindAsync(collections.ToCopy(collection), tag, cancellationToken).ConfigureAwait(false);
            return [.. found.Select(d => d with { Collection = collection })];
        }

        public Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(document);
            return inner.PutAsync(document with { Collection = collections.ToCopy(document.Collection) }, cancellationToken);
        }

        public Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(collections.ToCopy(collection), id, cancellationToken);

        public Task CommitAsync(IReadOnlyDictionary<string, Position> checkpoints, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(checkpoints);
            return inner.CommitAsync(checkpoints.ToDictionary(p => projections.ToCopy(p.Key), p => p.Value, StringComparer.Ordinal), cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
