using System.Text.Json.Serialization;
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

    public IProjectionBatch Begin(IViewTransaction views) => new Batch(this, views);

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

    private async Task ProjectStreamAsync(IViewTransaction views, StreamName stream, IReadOnlyList<RecordedEvent> added, CancellationToken cancellationToken)
    {
        var stored = await views.GetAsync(HistoryCollection, stream.Value, cancellationToken);
        var history = stored is null ? [] : ViewJson.Read<List<StoredFact>>(stored.Json);
        history.AddRange(added.Select(r => new StoredFact(r.Type, r.Data, r.Metadata.SchemaVersion, r.Stream != stream)));
        await views.PutAsync(new ViewDocument(HistoryCollection, stream.Value, ViewJson.Write(history), stream.Value, []), cancellationToken);

        var after = ProjectForAudiences(stream, [.. history.Select(h => new EntityFact(h.InCompanion, readStored(h.Type, h.Data, h.SchemaVersion)))])
            .Select(d => d with { Tags = [.. d.Tags, new ViewTag(SourceTag, stream.Value)] })
            .ToList();
        var before = new List<ViewDocument>();
        foreach (var collection in DocumentCollections)
        {
            before.AddRange(await views.FindAsync(collection, new ViewTag(SourceTag, stream.Value), cancellationToken));
        }

        foreach (var gone in before.Where(b => !after.Any(a => a.Collection == b.Collection && a.Id == b.Id)))
        {
            await views.DeleteAsync(gone.Collection, gone.Id, cancellationToken);
        }

        foreach (var document in after)
        {
            await views.PutAsync(document, cancellationToken);
        }

        await AfterChangeAsync(new SummaryTransaction(views), ForEveryone(before), ForEveryone(after), cancellationToken);
    }

    // By id, since documents read back carry no tags: the uncleared read every document but those marked for the cleared.
    private static List<ViewDocument> ForEveryone(IEnumerable<ViewDocument> documents) => [.. documents.Where(d => !Audiences.IsClearedId(d.Id))];

    // InCompanion is left out when false, so that the histories stored before companion streams read the same.
    private sealed record StoredFact(
        string Type,
        string Data,
        int SchemaVersion,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool InCompanion = false);

    /// <summary>Collects the batch's events by stream; each touched stream is projected once, at the flush.</summary>
    private sealed class Batch(StreamProjection projection, IViewTransaction views) : IProjectionBatch
    {
        private readonly Dictionary<string, (StreamName Stream, List<RecordedEvent> Added)> _touched = new(StringComparer.Ordinal);

        public Task ApplyAsync(ProjectedEvent projected, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(projected);
            var recorded = projected.Recorded.Stream;
            if (projection.Categories.Contains(recorded.Category))
            {
                // an entity's companion stream is projected as part of its own
                var stream = Streams.IsConfidentialCompanion(recorded.Value) ? StreamName.FromStorage(Streams.HomeOf(recorded.Value)) : recorded;
                if (!_touched.TryGetValue(stream.Value, out var entry))
                {
                    entry = (stream, []);
                    _touched.Add(stream.Value, entry);
                }

                entry.Added.Add(projected.Recorded);
            }

            return Task.CompletedTask;
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            // in the order streams were first touched, so that a batch's writes are the same however it is replayed
            foreach (var (stream, added) in _touched.Values)
            {
                await projection.ProjectStreamAsync(views, stream, added, cancellationToken);
            }

            _touched.Clear();
        }
    }
}
