using EventDialogue.Domain.Commitments;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Views.Commitments;

/// <summary>A commitment's recorded facts and its status derived from them as of a day.</summary>
public sealed record CommitmentRead(CommitmentView Commitment, CommitmentStanding Standing, DateOnly AsOf);

public sealed record GetCommitmentQuery(string CommitmentId, string AsOf, Freshness Freshness) : IQuery<CommitmentRead>;

public sealed record ListCommitmentsQuery(string Status, string MadeBy, string RoundId, string AsOf, int PageSize, string PageToken, Freshness Freshness)
    : IQuery<Listed<CommitmentRead>>;

/// <summary>
/// Reads the commitment tracker. The status is derived on read, as of the day asked (the server's current date by
/// default), so a filter by status applies after deriving it: the list reads every commitment that passes the stored
/// filters, derives, filters and pages itself. Commitments are few (hundreds), so this stays cheap.
/// </summary>
public sealed class CommitmentQueries(IViewStore views, ProjectionHost host, TimeProvider clock, PageTokenKey pageTokenKey)
    : IQueryHandler<GetCommitmentQuery, CommitmentRead>, IQueryHandler<ListCommitmentsQuery, Listed<CommitmentRead>>
{
    public const string Projection = "commitments";

    private readonly ViewReader _reader = new(views, host, clock);

    public async ValueTask<CommitmentRead> Handle(GetCommitmentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var commitmentId = Filters.RequiredId(query.CommitmentId, "commitment_id");
        var asOf = Filters.Day(query.AsOf, "as_of") ?? _reader.Today;
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var document = await _reader.GetAsync(CommitmentsProjection.CommitmentsCollection, commitmentId, "commitment", cancellationToken);
        return Derive(document, asOf);
    }

    public async ValueTask<Listed<CommitmentRead>> Handle(ListCommitmentsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var status = Filters.OneOf(query.Status, "status", CommitmentStatus.All);
        var madeBy = Filters.Party(query.MadeBy, "made_by");
        var roundId = Filters.Id(query.RoundId, "round_id");
        var asOfDay = Filters.Day(query.AsOf, "as_of");
        var paging = Paging.Read(query.PageSize, query.PageToken, PageToken.Fingerprint("commitments", status, madeBy, roundId, asOfDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), pageTokenKey);
        var asOf = asOfDay ?? _reader.Today;
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var documents = await _reader.AllAsync(CommitmentsProjection.CommitmentsCollection, Filters.Tags(("made_by", madeBy), ("round", roundId)), cancellationToken);

        // Ordered here, by sort key then id in ordinal order, so that the cursor compares the way the list is sorted.
        var matching = documents
            .OrderBy(d => d.SortKey, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Where(d => paging.After is not { } after || IsAfter(d, after))
            .Select(d => (Document: d, Read: Derive(d, asOf)))
            .Where(c => c.Read.Standing.Status != CommitmentStatus.NotYetMade && (status is null || c.Read.Standing.Status == status))
            .Take(paging.Size + 1)
            .ToList();
        var page = matching.Take(paging.Size).ToList();
        var next = matching.Count > paging.Size ? new ViewCursor(page[^1].Document.SortKey, page[^1].Document.Id, 0) : null;
        return new Listed<CommitmentRead>([.. page.Select(c => c.Read)], paging.NextToken(next));
    }

    private static bool IsAfter(ViewDocument document, ViewCursor cursor)
    {
        var bySortKey = string.CompareOrdinal(document.SortKey, cursor.SortKey);
        return bySortKey > 0 || (bySortKey == 0 && string.CompareOrdinal(document.Id, cursor.Id) > 0);
    }

    private static CommitmentRead Derive(ViewDocument document, DateOnly asOf) => Derive(ViewJson.Read<CommitmentView>(document.Json), asOf);

    /// <summary>The commitment with its status derived as of the day: how every read of the tracker answers.</summary>
    public static CommitmentRead Derive(CommitmentView view, DateOnly asOf) =>
        new(view, CommitmentStatus.Evaluate(CommitmentsProjection.Record(view), asOf), asOf);
}
