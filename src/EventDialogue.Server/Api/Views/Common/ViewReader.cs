using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Server.Access;
using EventDialogue.Server.Views;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>
/// What every view read does: wait for the view to reach the caller's position, fetch a document or a page — of the
/// documents the caller's clearance lets it read (<see cref="Audiences"/>), the one place views are filtered by it.
/// </summary>
public sealed class ViewReader(IViewStore views, ProjectionHost host, TimeProvider clock, CallerClearance caller)
{
    /// <summary>How long a read waits for its position when the call has no deadline.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    /// <summary>The longest a read waits for its position, whatever its deadline.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    /// <summary>The most a read fetches at a time when it reads a whole collection.</summary>
    private const int Batch = 500;

    // A read gives up a fifth of its time before the deadline (at least 0.1 s, at most 1 s), so that its answer
    // reaches the caller before the caller's own timer fires.
    private static readonly TimeSpan MinMargin = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxMargin = TimeSpan.FromSeconds(1);

    /// <summary>The server's current date (UTC).</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Returns once the projection has applied the log up to the caller's minimum position. Gives up a little before
    /// the call's deadline, so that the caller receives the reason (how far the view is) rather than a bare timeout.
    /// </summary>
    public async Task CatchUpAsync(string projection, Freshness freshness, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        if (freshness.MinPosition < 0)
        {
            throw DomainException.Invalid("min_position", "must not be negative: a position a write returned, or 0 to read the view as it is");
        }

        var wanted = new Position(freshness.MinPosition);
        var status = StatusOf(projection);
        if (freshness.MinPosition == 0 || status.Checkpoint >= wanted)
        {
            return;
        }

        if (status.Failure is not null)
        {
            throw ViewLag.Stopped(status, wanted);
        }

        var wait = WaitFor(freshness.Deadline);
        if (wait <= TimeSpan.Zero)
        {
            throw ViewLag.Behind(status, wanted, TimeSpan.Zero);
        }

        using var timeout = new CancellationTokenSource(wait, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await host.WaitForAsync(projection, wanted, either.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var now = StatusOf(projection);
            throw now.Failure is null ? ViewLag.Behind(now, wanted, wait) : ViewLag.Stopped(now, wanted);
        }
        catch (ProjectionStoppedException)
        {
            throw ViewLag.Stopped(StatusOf(projection), wanted);
        }
    }

    /// <summary>
    /// The projection's checkpoint where this process runs the projections itself, so that every commit of the view
    /// is its own and the checkpoint known the moment it moves; null where it follows another process's, whose commits
    /// it hears of later.
    /// </summary>
    public Position? CommittedHere(string projection) => host.IsLeading ? StatusOf(projection).Checkpoint : null;

    /// <summary>A document of the view, or NOT_FOUND naming it.</summary>
    /// <remarks>
    /// An uncleared caller reads the id as given (a document for both audiences or for the uncleared); a cleared one
    /// reads its own variant first. A document for the cleared alone is, to anyone else, NOT_FOUND as for an id never
    /// recorded, the message included.
    /// </remarks>
    public async Task<ViewDocument> GetAsync(string collection, string id, string what, CancellationToken cancellationToken) =>
        (await GetWithAsync(collection, id, what, [], [], cancellationToken)).Document;

    /// <summary>
    /// The documents of a collection with the ids, each as <see cref="GetAsync"/> reads it, in one read of the store;
    /// an id with no document the caller may read is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ViewDocument>> GetManyAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        (await GetManyWithAsync(collection, ids, [], cancellationToken)).Found;

    /// <summary>
    /// The documents of a collection with the ids (as <see cref="GetManyAsync"/>) and counts of documents the caller may
    /// read (as <see cref="CountAsync"/>), in one read of the store.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, ViewDocument> Found, IReadOnlyList<int> Counted)> GetManyWithAsync(
        string collection, IReadOnlyCollection<string> ids, IReadOnlyList<ViewTagged> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Where(id => !Audiences.IsClearedId(id)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, ViewDocument>(StringComparer.Ordinal);
        if (wanted.Count == 0 && counts.Count == 0)
        {
            return (found, []);
        }

        var read = await views.ReadAsync(new ViewReads([.. wanted.SelectMany(id => KeysOf(collection, id))], [], ForCaller(counts)), cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (ReadOf(read, i) is { } document)
            {
                found[wanted[i]] = document;
            }
        }

        return (found, read.Counted);
    }

    /// <summary>
    /// A document, as <see cref="GetAsync"/> reads it, with the documents under the same id in the companion
    /// collections (each read the same way; null where the caller may read none) and counts of documents the caller may
    /// read (as <see cref="CountAsync"/>), all in one read of the store: one connection and, on PostgreSQL, one round trip.
    /// </summary>
    public async Task<(ViewDocument Document, IReadOnlyList<ViewDocument?> Companions, IReadOnlyList<int> Counted)> GetWithAsync(
        string collection, string id, string what, IReadOnlyList<string> companions, IReadOnlyList<ViewTagged> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(companions);
        if (Audiences.IsClearedId(id))
        {
            throw NotFound(collection, id, what);
        }

        var keys = KeysOf(collection, id).Concat(companions.SelectMany(c => KeysOf(c, id))).ToList();
        var read = await views.ReadAsync(new ViewReads(keys, [], ForCaller(counts)), cancellationToken);
        var document = ReadOf(read, 0) ?? throw NotFound(collection, id, what);
        return (document, [.. companions.Select((_, i) => ReadOf(read, i + 1))], read.Counted);
    }

    /// <summary>A page of a collection (ranked when searching), with the token of the next.</summary>
    public async Task<Listed<ViewHit>> ListAsync(string collection, IReadOnlyList<ViewTag> filters, Projections.Search.SearchQuery? search, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var page = await views.QueryAsync(new ViewQuery(collection, ForCaller(filters), paging.Size, paging.After, search), cancellationToken);
        return new Listed<ViewHit>(page.Hits, paging.NextToken(page.Next));
    }

    /// <summary>Every document of a collection with the tags, in the collection's order.</summary>
    public async Task<IReadOnlyList<ViewDocument>> AllAsync(string collection, IReadOnlyList<ViewTag> filters, CancellationToken cancellationToken)
    {
        var documents = new List<ViewDocument>();
        ViewCursor? after = null;
        do
        {
            var page = await views.QueryAsync(new ViewQuery(collection, ForCaller(filters), Batch, after), cancellationToken);
            documents.AddRange(page.Hits.Select(h => h.Document));
            after = page.Next;
        }
        while (after is not null);

        return documents;
    }

    /// <summary>
    /// The documents of a collection with the tags, after the cursor, in the collection's order, in batches that start
    /// at the size given and double up to the whole-collection batch: a caller that stops early (a page filled) reads
    /// little more than it keeps, one that reads on pays few more round trips than <see cref="AllAsync"/>.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ViewDocument>> BatchesAsync(string collection, IReadOnlyList<ViewTag> filters, ViewCursor? after, int firstBatch, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(firstBatch, 1, Batch);
        do
        {
            var page = await views.QueryAsync(new ViewQuery(collection, ForCaller(filters), size, after), cancellationToken);
            yield return [.. page.Hits.Select(h => h.Document)];
            after = page.Next;
            size = Math.Min(size * 2, Batch);
        }
        while (after is not null);
    }

    /// <summary>
    /// Every document of a collection with the tags, in the collection's order, found from the first tag's index
    /// entries (give the rarest first): a few documents of a large collection, at the cost of those few.
    /// </summary>
    public Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken) =>
        views.FindAsync(collection, ForCaller(tags), cancellationToken);

    /// <summary>How many documents of a collection the caller may read carry the tags, counted without reading them.</summary>
    public Task<int> CountAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken) =>
        views.CountAsync(collection, ForCaller(tags), cancellationToken);

    private static DomainException NotFound(string collection, string id, string what) =>
        DomainException.NotFound($"{what} '{id}' is not in the {collection} view");

    /// <summary>The keys a read of the id looks at: the cleared caller's own variant first, then the plain one, as <see cref="GetAsync"/> reads them.</summary>
    private ViewKey[] KeysOf(string collection, string id) =>
        caller.SeesConfidential ? [new(collection, Audiences.ClearedId(id)), new(collection, id)] : [new(collection, id)];

    /// <summary>
    /// The document read for the n-th id of a read whose keys were made by <see cref="KeysOf"/>, one id after another:
    /// the first of that id's keys that found one, or null.
    /// </summary>
    private ViewDocument? ReadOf(ViewReadResults read, int n)
    {
        var perId = caller.SeesConfidential ? 2 : 1;
        return read.Gotten.Skip(n * perId).Take(perId).FirstOrDefault(d => d is not null);
    }

    private ViewTagged[] ForCaller(IReadOnlyList<ViewTagged> reads) => [.. reads.Select(r => r with { Tags = ForCaller(r.Tags) })];

    private IReadOnlyList<ViewTag> ForCaller(IReadOnlyList<ViewTag> filters) => [.. filters, new ViewTag(Audiences.Tag, Audiences.Of(caller.SeesConfidential))];

    private ProjectionStatus StatusOf(string projection) =>
        host.Statuses.SingleOrDefault(s => s.Name == projection)
            ?? throw new InvalidOperationException($"no projection is named '{projection}'");

    /// <summary>The time left before the deadline, less a margin for the answer to reach the caller.</summary>
    private TimeSpan WaitFor(DateTime deadline)
    {
        if (deadline == DateTime.MaxValue)
        {
            return DefaultWait;
        }

        var left = deadline - clock.GetUtcNow().UtcDateTime;
        var margin = TimeSpan.FromTicks(Math.Clamp(left.Ticks / 5, MinMargin.Ticks, MaxMargin.Ticks));
        return left - margin < MaxWait ? left - margin : MaxWait;
    }
}
