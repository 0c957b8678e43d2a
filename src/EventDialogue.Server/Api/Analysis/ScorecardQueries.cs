using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Projections.Analysis;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Commitments;
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
        // The listed documents carry all an assessment reads; the stored filters narrow the read itself.
        var commitments = (await _reader.AllAsync(CommitmentsProjection.ListedCommitmentsCollection, Filters.Tags(("made_by", question.MadeBy), ("round", question.RoundId), ("kind", question.Kind)), cancellationToken))
            .Select(d => ViewJson.Read<CommitmentView>(d))
            .ToList();
        var coverage = new CoverageReads(_reader);
        await coverage.ReadForAsync(commitments, cancellationToken);
        var topics = question.By == ScorecardGrouping.Topic ? await TopicsAsync(commitments, cancellationToken) : [];
        var context = new ScorecardContext(view => coverage.Of(view).Coverage, coverage.DialogueOfRound, round => topics.GetValueOrDefault(round) ?? []);
        return ScorecardCalculator.Compute(commitments, question, context);
    }

    /// <summary>The topics of the commitments' rounds, read only for a scorecard grouped by topic: a round's document is large.</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> TopicsAsync(IEnumerable<CommitmentView> commitments, CancellationToken cancellationToken)
    {
        var rounds = await _reader.GetManyAsync(RoundsProjection.RoundsCollection, [.. commitments.Select(c => c.RoundId).OfType<string>()], cancellationToken);
        return rounds.ToDictionary(r => r.Key, r => RoundTopics.Of(ViewJson.Read<RoundView>(r.Value)), StringComparer.Ordinal);
    }
}
