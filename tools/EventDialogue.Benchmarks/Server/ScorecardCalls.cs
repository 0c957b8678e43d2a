using EventDialogue.Api.V1;
using EventDialogue.Benchmarks.Workload;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Server;

/// <summary>
/// GetScorecard over the whole commitment tracker, grouped each way the API offers, as of today and as of a day in
/// the past (which assesses every commitment against a different day, and leaves out those made after it).
/// </summary>
internal sealed class ScorecardCalls(GrpcChannel channel)
{
    private readonly AnalysisService.AnalysisServiceClient _analysis = new(channel);

    public IReadOnlyList<TimedCall> Scorecards =>
    [
        Scorecard("by dialogue (the default), undertakings", new GetScorecardRequest()),
        Scorecard("by round, every kind", new GetScorecardRequest { GroupBy = "round", IncludeAllKinds = true }),
        Scorecard("by party, undertakings", new GetScorecardRequest { GroupBy = "party" }),
        Scorecard("by topic, undertakings", new GetScorecardRequest { GroupBy = "topic" }),
        Scorecard("by kind, every kind", new GetScorecardRequest { GroupBy = "kind", IncludeAllKinds = true }),
        Scorecard($"by round, every kind, as of {ScorecardHistory.PastDay}", new GetScorecardRequest { GroupBy = "round", IncludeAllKinds = true, AsOf = ScorecardHistory.PastDay }),
        Scorecard($"by topic, undertakings, as of {ScorecardHistory.PastDay}", new GetScorecardRequest { GroupBy = "topic", AsOf = ScorecardHistory.PastDay }),
    ];

    /// <summary>
    /// How many commitments the scorecard assesses today, every kind counted once (by kind, no commitment is in two
    /// groups): the proof that the calls above run over the whole generated tracker, once the views have it.
    /// </summary>
    public async Task<int> CountCommitmentsAsync(long minPosition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = new GetScorecardRequest { GroupBy = "kind", IncludeAllKinds = true, MinPosition = minPosition };
        var response = await _analysis.GetScorecardAsync(request, deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken).ResponseAsync;
        return response.Groups.Sum(g => g.Total);
    }

    private TimedCall Scorecard(string name, GetScorecardRequest request) => new($"GetScorecard, {name}", async (_, token) =>
        (await _analysis.GetScorecardAsync(request, cancellationToken: token).ResponseAsync).CalculateSize());
}
