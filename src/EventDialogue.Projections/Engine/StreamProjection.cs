using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// A projection whose documents are a function of whole streams. At the end of each batch, every stream the batch
/// touched is projected again from its effective history (corrections applied, retractions dropped) and the documents
/// it produced before are replaced. So a correction or retraction shows in the views exactly as if the entry had been
/// right from the start, and a rebuild, whatever its batches, comes out identical. An entity's companion stream (its
/// facts in confidence, <see cref="Streams.ConfidentialMark"/>) is folded with its own stream, in the order recorded,
/// into the same documents: the cleared read them with those facts, the rest as if they had never been recorded.
/// </summary>
public abstract class StreamProjection(Func<string, string, int, IDomainEvent> readStored) : IProjection
{
    private const string SourceTag = "source_stream";

    public abstract string Name { get; }

    /// <summary>The stream categories it follows.</summary>
    protected abstract IReadOnlyList<string> Categories { get; }

    /// <summary>The collections of the documents streams produce.</summary>
    protected abstract IReadOnlyList<string> DocumentCollections { get; }

    /// <summary>Collections it writes from <see cref="AfterChangeAsync"/>, summarising several streams.</summary>
    protected virtual IReadOnlyList<string> SummaryCollections => [];

    public IReadOnlyList<string> Collections => [HistoryCollection, .. DocumentCollections, .. SummaryCollections];

    /// <summary>The projection keeps the raw history of the streams it follows, so that an amendment can refold it.</summary>
    private string HistoryCollection => $"{Name}.history";

    /// <summary>At most this many events of the streams followed are kept parsed in memory between batches.</summary>
    private const int CachedEventsLimit = 200_000;

    private readonly StreamCache _cache = new(CachedEventsLimit);

    public IProjectionBatch Begin(IViewTransaction views) => new Batch(this, views);

    public bool Follows(StreamName stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Categories.Contains(stream.Category);
    }

    /// <summary>The documents a stream produces, given its effective history.</summary>
    protected abstract IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective);

    /// <summary>
    /// The documents a stream's recorded history produces (its raw domain events in revision order, amendments
    /// included): the very fold the live views run at each flush, without a view store, so that a past state of a
    /// stream (its history cut at some point) is projected by the same code as the present one.
    /// </summary>
    /// <param name="cleared">Whether the reader is cleared for confidential facts: if not, they are left out, as from the view.</param>
    public IReadOnlyList<ViewDocument> ProjectHistory(StreamName stream, IEnumerable<IDomainEvent> history, bool cleared) =>
        ProjectHistory(stream, EntityFact.Of(history), cleared);

    /// <summary>The documents an entity's recorded history produces: its own stream's facts and its companion's, in the order recorded.</summary>
    public IReadOnlyList<ViewDocument> ProjectHistory(StreamName stream, IReadOnlyList<EntityFact> history, bool cleared)
    {
        var effective = EffectiveHistory.OfEntity(history);
        return [.. Project(stream, cleared ? effective : Confidentiality.Redacted(effective))];
    }

    /// <summary>The documents the views keep of an entity: for each audience its own, when its streams hold a confidential fact.</summary>
    private IReadOnlyList<ViewDocument> ProjectForAudiences(StreamName stream, IReadOnlyList<EntityFact> history) =>
        [.. Audiences.Split(EffectiveHistory.OfEntity(history), effective => Project(stream, effective))];

    /// <summary>Called after a stream's documents changed, with the documents it produced before and now.</summary>
    protected virtual Task AfterChangeAsync(IViewTransaction views, IReadOnlyList<ViewDocument> before, IReadOnlyList<ViewDocument> after, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <param name="known">The stream as this transaction last left it, if it is known without asking the store.</param>
    private async Task<CachedStream> ProjectStreamAsync(IViewTransaction views, IViewTransaction summaries, StreamName stream, CachedStream? known, IReadOnlyList<ProjectedEvent> added, CancellationToken cancellationToken)
    {
        var cached = known ?? await ReadCommittedAsync(views, stream, cancellationToken);
        List<StoredFact> stored = [.. cached.Stored, .. added.Select(p => new StoredFact(p.Recorded.Type, p.Recorded.Data, p.Recorded.Metadata.SchemaVersion, p.Recorded.Stream != stream))];

        // the runner has parsed the new events already; the stored ones are parsed only when the cache does not hold them
        List<EntityFact> facts = [.. cached.Facts, .. added.Select(p => new EntityFact(p.Recorded.Stream != stream, p.Fact))];
        await views.PutAsync(new ViewDocument(HistoryCollection, stream.Value, ViewJson.Write(stored), stream.Value, []), cancellationToken);

        var after = ProjectForAudiences(stream, facts)
            .Select(d => d with { Tags = [.. d.Tags, new ViewTag(SourceTag, stream.Value)] })
            .ToList();
        var before = cached.Documents;
        var afterKeys = after.Select(a => (a.Collection, a.Id)).ToHashSet();
        foreach (var gone in before.Where(b => !afterKeys.Contains((b.Collection, b.Id))))
        {
            await views.DeleteAsync(gone.Collection, gone.Id, cancellationToken);
        }

        var beforeByKey = before.ToDictionary(b => (b.Collection, b.Id));
        foreach (var document in after)
        {
            // a document the stream produced the same before is left as it is: most of a long stream's are, batch after batch
            if (!beforeByKey.TryGetValue((document.Collection, document.Id), out var old) || !Same(old, document))
            {
                await views.PutAsync(document, cancellationToken);
            }
        }

        await AfterChangeAsync(summaries, ForEveryone(before), ForEveryone(after), cancellationToken);
        return new CachedStream(stored, facts, after);
    }

    /// <summary>A stream as the views hold it, when the cache does not (its documents read back carry no tags, so each is rewritten).</summary>
    private async Task<CachedStream> ReadCommittedAsync(IViewTransaction views, StreamName stream, CancellationToken cancellationToken)
    {
        var document = await views.GetAsync(HistoryCollection, stream.Value, cancellationToken);
        var stored = document is null ? [] : ViewJson.Read<List<StoredFact>>(document.Json);
        var before = new List<ViewDocument>();
        foreach (var collection in DocumentCollections)
        {
            before.AddRange(await views.FindAsync(collection, new ViewTag(SourceTag, stream.Value), cancellationToken));
        }

        return new CachedStream(stored, [.. stored.Select(h => new EntityFact(h.InCompanion, readStored(h.Type, h.Data, h.SchemaVersion)))], before);
    }

    private static bool Same(ViewDocument a, ViewDocument b) =>
        a.Json == b.Json && a.SortKey == b.SortKey && a.SearchText == b.SearchText && a.Tags.SequenceEqual(b.Tags)
        && (a.SearchKeywords ?? []).SequenceEqual(b.SearchKeywords ?? []);

    // By id, since documents read back carry no tags: the uncleared read every document but those marked for the cleared.
    private static List<ViewDocument> ForEveryone(IEnumerable<ViewDocument> documents) => [.. documents.Where(d => !Audiences.IsClearedId(d.Id))];

    /// <summary>Collects the batch's events by stream; each touched stream is projected once, at the flush.</summary>
    private sealed class Batch : IProjectionBatch
    {
        private readonly StreamProjection _projection;
        private readonly IViewTransaction _views;
        private readonly Position _began;
        private readonly Dictionary<string, (StreamName Stream, List<ProjectedEvent> Added)> _touched = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CachedStream> _projected = new(StringComparer.Ordinal);
        private Position _last;

        public Batch(StreamProjection projection, IViewTransaction views)
        {
            _projection = projection;
            _views = views;
            _began = views.Checkpoint;
            _last = views.Checkpoint;
            projection._cache.Begin(views.Checkpoint);
        }

        public Task ApplyAsync(ProjectedEvent projected, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(projected);
            _last = projected.Recorded.Position;
            var recorded = projected.Recorded.Stream;
            if (_projection.Categories.Contains(recorded.Category))
            {
                // an entity's companion stream is projected as part of its own
                var stream = Streams.IsConfidentialCompanion(recorded.Value) ? StreamName.FromStorage(Streams.HomeOf(recorded.Value)) : recorded;
                if (!_touched.TryGetValue(stream.Value, out var entry))
                {
                    entry = (stream, []);
                    _touched.Add(stream.Value, entry);
                }

                entry.Added.Add(projected);
            }

            return Task.CompletedTask;
        }

        public void Passed(Position position) => _last = position;

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            var summaries = new BufferedViewTransaction(_views);
            var summarised = new SummaryTransaction(summaries);

            // in the order streams were first touched, so that a batch's writes are the same however it is replayed
            foreach (var (stream, added) in _touched.Values)
            {
                _projected[stream.Value] = await _projection.ProjectStreamAsync(
                    _views, summarised, stream, _projected.GetValueOrDefault(stream.Value) ?? _projection._cache.Find(stream.Value), added, cancellationToken);
            }

            await summaries.WriteAsync(cancellationToken);
            _touched.Clear();
            _projection._cache.Flushed(_began, _last, _projected);
        }
    }
}
