using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;
using EventDialogue.Server.Views;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>What every view read does: wait for the view to reach the caller's position, fetch a document or a page.</summary>
public sealed class ViewReader(IViewStore views, ProjectionHost host, TimeProvider clock)
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
        catch (Projections.Engine.ProjectionStoppedException)
        {
            throw ViewLag.Stopped(StatusOf(projection), wanted);
        }
    }

    /// <summary>A document of the view, or NOT_FOUND naming it.</summary>
    public async Task<ViewDocument> GetAsync(string collection, string id, string what, CancellationToken cancellationToken) =>
        await views.GetAsync(collection, id, cancellationToken)
            ?? throw DomainException.NotFound($"{what} '{id}' is not in the {collection} view");

    /// <summary>A page of a collection (ranked when searching), with the token of the next.</summary>
    public async Task<Listed<ViewHit>> ListAsync(string collection, IReadOnlyList<ViewTag> filters, Projections.Search.SearchQuery? search, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var page = await views.QueryAsync(new ViewQuery(collection, filters, paging.Size, paging.After, search), cancellationToken);
        return new Listed<ViewHit>(page.Hits, paging.NextToken(page.Next));
    }

    /// <summary>Every document of a collection with the tags, in the collection's order.</summary>
    public async Task<IReadOnlyList<ViewDocument>> AllAsync(string collection, IReadOnlyList<ViewTag> filters, CancellationToken cancellationToken)
    {
        var documents = new List<ViewDocument>();
        ViewCursor? after = null;
        do
        {
            var page = await views.QueryAsync(new ViewQuery(collection, filters, Batch, after), cancellationToken);
            documents.AddRange(page.Hits.Select(h => h.Document));
            after = page.Next;
        }
        while (after is not null);

        return documents;
    }

    private Projections.Engine.ProjectionStatus StatusOf(string projection) =>
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
