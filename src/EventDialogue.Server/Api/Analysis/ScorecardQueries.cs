using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Projections.Analysis;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Analysis;

/// <summary>A scorecard as asked over the API or by the web page: empty strings leave a filter unset.</summary>
public sealed record GetScorecardQuery(string GroupBy, string AsOf, string RoundId, string MadeBy, string DialogueId, string Kind, bool IncludeAllKinds, Freshness Freshness)
    : IQuery<Scorecard>;

/// <summary>The scorecard over the whole commitment tracker (<see cref="ScorecardCalculator"/>).</summary>
public sealed class ScorecardQueries(IViewStore views, ProjectionHost host, TimeProvider clock, CallerClearance caller) : IQueryHandler<GetScorecardQuery, Scorecard>
{
    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<Scorecard> Handle(GetScorecardQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var question = new ScorecardQuestion(
            ScorecardGroupings.Parse(query.GroupBy, "group_by"),
            Filters.Day(query.AsOf, "as_of") ?? _reader.Today,
            Filters.Id(query.RoundId, "round_id"),
            Filters.Party(query.MadeBy, "made_by"),
            Filters.Id(query.DialogueId, "dialogue_id"),
            Filters.OneOf(query.Kind, "kind", CommitmentKinds.Names),
            query.IncludeAllKinds);
        await _reader.CatchUpAsync(CommitmentsProjection.ProjectionName, query.Freshness, cancellationToken);
        await _reader.CatchUpAsync(RoundQueries.Projection, query.Freshness, cancellationToken);
        var commitments = await AnalysisReads.CommitmentsAsync(_reader, cancellationToken);
        var context = ScorecardContext.From(
            await AnalysisReads.RoundDialoguesAsync(_reader, cancellationToken),
            await AnalysisReads.DialogueReviewsAsync(_reader, cancellationToken),
            await AnalysisReads.RoundsAsync(_reader, cancellationToken));
        return ScorecardCalculator.Compute(commitments, question, context);
    }
}

