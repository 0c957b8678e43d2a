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
    public abstract string Name { get; }

    /// <summary>The stream categories it follows.</summary>
    protected abstract IReadOnlyList<string> Categories { get; }

    /// <summary>The collections of the documents streams produce.</summary>
    protected abstract IReadOnlyList<string> DocumentCollections { get; }

    /// <summary>Collections it writes from <see cref="AfterChangeAsync"/>, summarising several streams.</summary>
    protected virtual IReadOnlyList<string> SummaryCollections => [];

    /// <summary>
    /// Whether the documents streams produce are written to the views. When not, they are only what
    /// <see cref="AfterChangeAsync"/> summarises (a stream's mentions of topics): folded from the stream's facts like any
    /// other, before and after each batch, and never stored; <see cref="DocumentCollections"/> then names where earlier
    /// versions stored them, so that a rebuild drops what those left.
    /// </summary>
    protected virtual bool StoresDocuments => true;

    public IReadOnlyList<string> Collections => [RetiredHistoryCollection, .. DocumentCollections, .. SummaryCollections];

    /// <summary>
    /// Where views built before the log was read back kept each stream's raw history, rewritten whole at every batch
    /// that touched the stream. Nothing is written there now (a stream the cache does not hold is read from the log);
    /// it is still listed so that a rebuild drops what an older version left.
    /// </summary>
    private string RetiredHistoryCollection => $"{Name}.history";

    /// <summary>
    /// At most this many events of the streams followed are kept parsed in memory between batches. At 200,000 a rebuild
    /// of a million events peaked at 1.6 GiB (five projections' caches full); at 50,000 it peaked at 0.9 GiB at the same
    /// rate (docs/benchmarks.md, "A million events").
    /// </summary>
    private const int CachedEventsLimit = 50_000;

    private StreamCache _cache = new(CachedEventsLimit);

    public IProjectionBatch Begin(BatchStart start) => new Batch(this, start);

    /// <remarks>The views keep no state of their own (the stream cache is the base's), so a copy with a new cache is fresh.</remarks>
    public IProjection Fresh()
    {
        var fresh = (StreamProjection)MemberwiseClone();
        fresh._cache = new StreamCache(CachedEventsLimit);
        return fresh;
    }

    public bool Follows(StreamName stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Categories.Contains(stream.Category);
    }

    /// <summary>The documents a stream produces, given its effective history.</summary>
    /// <remarks>
    /// A batch knows what a stream's documents were by folding its committed facts again (or from the cache), never by
    /// reading the views: a change to what this produces (its ids, its shape) needs a new <see cref="Name"/>, so that the
    /// views are built again from the log rather than mended by a fold that no longer matches them.
    /// </remarks>
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
    /// <remarks>Both lists hold what the uncleared may read, and what it puts is read by both audiences (<see cref="SummaryTransaction"/>).</remarks>
    protected virtual Task AfterChangeAsync(IViewTransaction views, IReadOnlyList<ViewDocument> before, IReadOnlyList<ViewDocument> after, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called once a batch's streams are written, with every stream whose documents it changed: for a summary kept per
    /// audience, which sees every audience's documents and tags what it puts for its readers itself.
    /// </summary>
    protected virtual Task AfterBatchAsync(IViewTransaction views, IReadOnlyList<StreamChange> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Folds a stream with the batch's events, outside the view transaction: its facts (from the cache, or read back from
    /// the log up to the checkpoint the batch starts from), the documents they produced before the batch and those they
    /// produce now.
    /// </summary>
    private async Task<PreparedStream> PrepareStreamAsync(BatchStart start, StreamName stream, IReadOnlyList<ProjectedEvent> added, CancellationToken cancellationToken)
    {
        var known = _cache.Find(stream.Value) ?? (BeginsInBatch(stream, added) ? CachedStream.Empty : null);
        var committed = known?.Facts ?? await ReadLogAsync(start, stream, cancellationToken).ConfigureAwait(false);

        // the documents the views hold of the stream are those its committed facts produce: the views are a function of the log
        var before = known?.Documents ?? ProjectForAudiences(stream, committed);

        // the runner has parsed the new events already; the committed ones are parsed only when the cache does not hold them
        List<EntityFact> facts = [.. committed, .. added.Select(p => new EntityFact(p.Recorded.Stream != stream, p.Fact))];
        return new PreparedStream(stream, facts, before, ProjectForAudiences(stream, facts));
    }

    /// <summary>
    /// Whether the entity's whole history is in the batch: its stream's first event (and, for an entity that keeps facts in
    /// confidence, its companion stream's) is among the added ones. Then neither the log before the checkpoint nor the
    /// views hold anything of it, and it is known without asking the store even when the cache no longer holds every
    /// stream (after an eviction or a restart). Asking (the log, and then the views as well) cost a live batch three round
    /// trips for each new stream: on PostgreSQL, past the cache's bound, the views fell minutes behind eight clients recording.
    /// </summary>
    private static bool BeginsInBatch(StreamName stream, IReadOnlyList<ProjectedEvent> added)
    {
        bool Begins(string name) => added.Any(p => p.Recorded.Revision == 0 && p.Recorded.Stream.Value == name);
        return Begins(stream.Value) && (!Streams.HasConfidentialCompanion(stream.Value) || Begins(Streams.ConfidentialCompanion(stream.Value)));
    }

    /// <summary>Writes what a prepared stream changed, and returns the stream as it now stands and the change, if any document changed.</summary>
    private async Task<(CachedStream Stream, StreamChange? Change)> WriteStreamAsync(IViewTransaction views, IViewTransaction summaries, PreparedStream prepared, CancellationToken cancellationToken)
    {
        var changed = false;
        var (before, after) = (prepared.Before, prepared.After);
        var afterKeys = after.Select(a => (a.Collection, a.Id)).ToHashSet();
        foreach (var gone in before.Where(b => !afterKeys.Contains((b.Collection, b.Id))))
        {
            if (StoresDocuments)
            {
                await views.DeleteAsync(gone.Collection, gone.Id, cancellationToken).ConfigureAwait(false);
            }

            changed = true;
        }

        var beforeByKey = before.ToDictionary(b => (b.Collection, b.Id));
        foreach (var document in after)
        {
            // a document the stream produced the same before is left as it is: most of a long stream's are, batch after batch
            if (!beforeByKey.TryGetValue((document.Collection, document.Id), out var old) || !Same(old, document))
            {
                if (StoresDocuments)
                {
                    await views.PutAsync(document, cancellationToken).ConfigureAwait(false);
                }

                changed = true;
            }
        }

        if (changed)
        {
            await AfterChangeAsync(summaries, ForEveryone(before), ForEveryone(after), cancellationToken).ConfigureAwait(false);
        }

        return (new CachedStream(prepared.Facts, after), changed ? new StreamChange(prepared.Stream, before, after) : null);
    }

    /// <summary>
    /// An entity's facts up to the checkpoint, read from the log (its own stream and, for a case, its companion, merged in
    /// the order recorded): the log is the history, append-only, so the views need keep no copy of it.
    /// </summary>
    private async Task<IReadOnlyList<EntityFact>> ReadLogAsync(BatchStart start, StreamName stream, CancellationToken cancellationToken)
    {
        var recorded = await ReadStreamAsync(start, stream, cancellationToken).ConfigureAwait(false);
        if (Streams.HasConfidentialCompanion(stream.Value))
        {
            recorded = [.. recorded.Concat(await ReadStreamAsync(start, StreamName.FromStorage(Streams.ConfidentialCompanion(stream.Value)), cancellationToken).ConfigureAwait(false)).OrderBy(r => r.Position.Value)];
        }

        return [.. recorded.Select(r => new EntityFact(r.Stream != stream, readStored(r.Type, r.Data, r.Metadata.SchemaVersion)))];
    }

    private static async Task<List<RecordedEvent>> ReadStreamAsync(BatchStart start, StreamName stream, CancellationToken cancellationToken)
    {
        var recorded = new List<RecordedEvent>();
        try
        {
            await foreach (var e in start.Events.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // what follows the checkpoint comes in this batch or a later one
                if (e.Position.Value > start.Checkpoint.Value)
                {
                    break;
                }

                recorded.Add(e);
            }
        }
        catch (StreamNotFoundException)
        {
            // nothing recorded in it (a case without a companion)
        }

        return recorded;
    }

    private static bool Same(ViewDocument a, ViewDocument b) =>
        a.Json == b.Json && a.SortKey == b.SortKey && a.SearchText == b.SearchText && a.Tags.SequenceEqual(b.Tags)
        && (a.SearchKeywords ?? []).SequenceEqual(b.SearchKeywords ?? []);

    // By id: the uncleared read every document but those marked for the cleared.
    private static List<ViewDocument> ForEveryone(IEnumerable<ViewDocument> documents) => [.. documents.Where(d => !Audiences.IsClearedId(d.Id))];

    /// <summary>A stream folded with a batch's events, ready to write: the documents its facts produced before the batch and after it.</summary>
    private sealed record PreparedStream(StreamName Stream, IReadOnlyList<EntityFact> Facts, IReadOnlyList<ViewDocument> Before, IReadOnlyList<ViewDocument> After);

    /// <summary>Collects the batch's events by stream; each touched stream is folded once before the transaction and written in it.</summary>
    private sealed class Batch : IProjectionBatch
    {
        private readonly StreamProjection _projection;
        private readonly BatchStart _start;
        private readonly Dictionary<string, (StreamName Stream, List<ProjectedEvent> Added)> _touched = new(StringComparer.Ordinal);
        private readonly List<PreparedStream> _prepared = [];
        private Position _last;

        public Batch(StreamProjection projection, BatchStart start)
        {
            _projection = projection;
            _start = start;
            _last = start.Checkpoint;
            projection._cache.Begin(start.Checkpoint);
        }

        public void Apply(ProjectedEvent projected)
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
        }

        public void Passed(Position position) => _last = position;

        public async Task PrepareAsync(CancellationToken cancellationToken)
        {
            // in the order streams were first touched, so that a batch's writes are the same however it is replayed
            foreach (var (stream, added) in _touched.Values)
            {
                _prepared.Add(await _projection.PrepareStreamAsync(_start, stream, added, cancellationToken).ConfigureAwait(false));
            }

            _touched.Clear();
        }

        public async Task FlushAsync(IViewTransaction views, CancellationToken cancellationToken)
        {
            var summaries = new BufferedViewTransaction(views);
            var summarised = new SummaryTransaction(summaries);
            var written = new Dictionary<string, CachedStream>(StringComparer.Ordinal);
            var changes = new List<StreamChange>();
            foreach (var prepared in _prepared)
            {
                var (stream, change) = await _projection.WriteStreamAsync(views, summarised, prepared, cancellationToken).ConfigureAwait(false);
                written[prepared.Stream.Value] = stream;
                if (change is not null)
                {
                    changes.Add(change);
                }
            }

            await summaries.WriteAsync(cancellationToken).ConfigureAwait(false);
            await _projection.AfterBatchAsync(views, changes, cancellationToken).ConfigureAwait(false);
            _projection._cache.Flushed(_start.Checkpoint, _last, written);
        }
    }
}
