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
/// default), so a filter by status applies after assessing: the list reads every commitment that passes the stored
/// filters, assesses, filters and pages itself. Commitments, rounds and reviewed dialogues are few (hundreds), so
/// this stays cheap.
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
        var view = ViewJson.Read<CommitmentView>(document.Json);
        var coverage = await CoverageAsync(cancellationToken);
        return Assess(view, coverage(view), asOf);
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
        var documents = await _reader.AllAsync(collection, Filters.Tags(("made_by", madeBy), ("round", roundId), ("kind", kind)), cancellationToken);
        var coverage = await CoverageAsync(cancellationToken);

        // Ordered here, by sort key then id in ordinal order, so that the cursor compares the way the list is sorted.
        var matching = documents
            .OrderBy(d => d.SortKey, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Where(d => paging.After is not { } after || IsAfter(d, after))
            .Select(d => (Document: d, View: ViewJson.Read<CommitmentView>(d.Json)))
            .Select(c => (c.Document, Read: Assess(c.View, coverage(c.View), asOf)))
            .Where(c => c.Read.Assessment.Verdict != CommitmentVerdict.NotYetMade && (status is null || c.Read.Assessment.Verdict.Name() == status))
            .Take(paging.Size + 1)
            .ToList();
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

    private static bool IsAfter(ViewDocument document, ViewCursor cursor)
    {
        var bySortKey = string.CompareOrdinal(document.SortKey, cursor.SortKey);
        return bySortKey > 0 || (bySortKey == 0 && string.CompareOrdinal(document.Id, cursor.Id) > 0);
    }

    /// <summary>Reads the rounds' dialogues and the dialogues' review horizons once, for every commitment of the read.</summary>
    private async Task<Func<CommitmentView, AppliedCoverage>> CoverageAsync(CancellationToken cancellationToken)
    {
        var rounds = (await _reader.AllAsync(CommitmentsProjection.RoundDialoguesCollection, [], cancellationToken))
            .Select(d => ViewJson.Read<RoundDialogueView>(d.Json))
            .ToDictionary(r => r.RoundId, r => r.DialogueId, StringComparer.Ordinal);
        var reviews = (await _reader.AllAsync(CommitmentsProjection.DialogueReviewsCollection, [], cancellationToken))
            .Select(d => ViewJson.Read<DialogueReviewView>(d.Json))
            .ToDictionary(r => r.DialogueId, r => r.Review, StringComparer.Ordinal);
        return view => AppliedCoverage.For(view, rounds.GetValueOrDefault, reviews.GetValueOrDefault);
    }
}
