using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Views.Commitments;

/// <summary>A commitment's recorded facts and its assessment as of a day, with the review horizon the assessment used.</summary>
public sealed record CommitmentRead(CommitmentView Commitment, CommitmentAssessment Assessment, AppliedCoverage Coverage)
{
    public DateOnly AsOf => Assessment.AsOf;
}

public sealed record GetCommitmentQuery(string CommitmentId, string AsOf, Freshness Freshness) : IQuery<CommitmentRead>;

/// <param name="Whole">
/// Whether each commitment is read whole, with its progress reports and its sources (the FULL view); otherwise from its
/// listed document, which leaves them out (<see cref="CommitmentsProjection.ListedCommitmentsCollection"/>).
/// </param>
public sealed record ListCommitmentsQuery(string Status, string MadeBy, string RoundId, string Kind, string AsOf, int PageSize, string PageToken, Freshness Freshness, bool Whole = false)
    : IQuery<Listed<CommitmentRead>>;

/// <summary>
/// Reads the commitment tracker. The status is assessed on read, as of the day asked (the server's current date by
/// default), so a filter by status applies after assessing: the list reads the commitments that pass the stored
/// filters in the list's order, a batch at a time, assesses and filters them, and stops once the page is full; so a
/// page without a status filter costs about a page, and one with it the commitments read before the page filled.
/// </summary>
public sealed class CommitmentQueries(IViewStore views, ProjectionHost host, TimeProvider clock, PageTokenKey pageTokenKey, CallerClearance caller)
    : IQueryHandler<GetCommitmentQuery, CommitmentRead>, IQueryHandler<ListCommitmentsQuery, Listed<CommitmentRead>>
{
    public const string Projection = CommitmentsProjection.ProjectionName;

    /// <summary>The statuses a list can be filtered by: every verdict but not-yet-made, which a list never shows.</summary>
    public static IReadOnlyList<string> ListedStatuses { get; } =
        [.. CommitmentVerdicts.All.Where(v => v != CommitmentVerdict.NotYetMade).Select(v => v.Name())];

    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<CommitmentRead> Handle(GetCommitmentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var commitmentId = Filters.RequiredId(query.CommitmentId, "commitment_id");
        var asOf = Filters.Day(query.AsOf, "as_of") ?? _reader.Today;
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var document = await _reader.GetAsync(CommitmentsProjection.CommitmentsCollection, commitmentId, "commitment", cancellationToken);
        var view = ViewJson.Read<CommitmentView>(document);
        var coverage = new CoverageReads(_reader);
        await coverage.ReadForAsync([view], cancellationToken);
        return Assess(view, coverage.Of(view), asOf);
    }

    public async ValueTask<Listed<CommitmentRead>> Handle(ListCommitmentsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var status = Filters.OneOf(query.Status, "status", ListedStatuses);
        var madeBy = Filters.Party(query.MadeBy, "made_by");
        var roundId = Filters.Id(query.RoundId, "round_id");
        var kind = Filters.OneOf(query.Kind, "kind", CommitmentKinds.Names);
        var asOfDay = Filters.Day(query.AsOf, "as_of");
        var paging = Paging.Read(query.PageSize, query.PageToken, PageToken.Fingerprint("commitments", status, madeBy, roundId, kind, asOfDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), pageTokenKey);
        var asOf = asOfDay ?? _reader.Today;
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var collection = query.Whole ? CommitmentsProjection.CommitmentsCollection : CommitmentsProjection.ListedCommitmentsCollection;
        var coverage = new CoverageReads(_reader);
        var matching = new List<(ViewDocument Document, CommitmentRead Read)>();
        await foreach (var batch in _reader.BatchesAsync(collection, Filters.Tags(("made_by", madeBy), ("round", roundId), ("kind", kind)), paging.After, paging.Size + 1, cancellationToken))
        {
            var views = batch.Select(d => (Document: d, View: ViewJson.Read<CommitmentView>(d))).ToList();
            await coverage.ReadForAsync(views.Select(v => v.View), cancellationToken);
            matching.AddRange(views
                .Select(c => (c.Document, Read: Assess(c.View, coverage.Of(c.View), asOf)))
                .Where(c => c.Read.Assessment.Verdict != CommitmentVerdict.NotYetMade && (status is null || c.Read.Assessment.Verdict.Name() == status)));
            if (matching.Count > paging.Size)
            {
                break;
            }
        }

        var page = matching.Take(paging.Size).ToList();
        var next = matching.Count > paging.Size ? new ViewCursor(page[^1].Document.SortKey, page[^1].Document.Id, 0) : null;
        return new Listed<CommitmentRead>([.. page.Select(c => c.Read)], paging.NextToken(next));
    }

    /// <summary>The commitment assessed as of the day against the coverage given: how every read of the tracker answers.</summary>
    public static CommitmentRead Assess(CommitmentView view, AppliedCoverage coverage, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return new(view, CommitmentAssessor.Assess(CommitmentFacts.Of(view), coverage.Coverage, asOf), coverage);
    }
}
