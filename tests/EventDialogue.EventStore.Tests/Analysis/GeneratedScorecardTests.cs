using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.EventStore.Tests.Fixtures;
using EventDialogue.Projections.Analysis;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;

namespace EventDialogue.EventStore.Tests.Analysis;

/// <summary>A generated history of more than 10,000 commitments, appended and projected once for the tests of the class.</summary>
public sealed class GeneratedScorecardHistory : IAsyncLifetime, IDisposable
{
    private const int Generated = 10_200;
    private const int Seed = 20100513;

    // A real SQLite file with the store's own settings (synchronous=FULL), on tmpfs where the machine has one, so that
    // 10,000 commits each flushed to disk take seconds, not minutes.
    private readonly string _directory = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"eventdialogue-scorecard-{Guid.NewGuid():N}");
    private SqliteEventStore _events = null!;
    private SqliteViewStore _views = null!;

    public IReadOnlyList<CommitmentView> Commitments { get; private set; } = [];

    public ScorecardContext Context { get; private set; } = null!;

    public PlainRecount Recount { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var path = Path.Combine(_directory, "store.sqlite");
        _events = SqliteEventStore.Open(path);
        _views = SqliteViewStore.Open(path);
        var head = Position.Start;
        foreach (var (stream, facts) in GeneratedCommitments.Appends(Generated, Seed))
        {
            head = (await _events.AppendToStreamAsync(StreamName.Parse(stream), ExpectedRevision.Any, [.. facts.Select(ToEventData)], bound.Token)).Position;
        }

        IProjection[] projections = [new CommitmentsProjection(Read), new RoundsProjection(Read)];
        var runners = projections.Select(p => new ProjectionRunner(p, _events, _views, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion), batchSize: 2000)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var running = runners.Select(r => r.RunAsync(stop.Token)).ToList();
        await Task.WhenAll(runners.Select(r => r.Watch.WaitForAsync(head, bound.Token)));
        await stop.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.All(runners, r => Assert.Null(r.Status.Failure));

        Commitments = 
[.. (await AllAsync(CommitmentsProjection.CommitmentsCollection, bound.Token)).Select(ViewJson.Read<CommitmentView>)];
        Context = ScorecardContext.From(
                (await AllAsync(CommitmentsProjection.RoundDialoguesCollection, bound.Token)).Select(ViewJson.Read<RoundDialogueView>),
                (await AllAsync(CommitmentsProjection.DialogueReviewsCollection, bound.Token)).Select(ViewJson.Read<DialogueReviewView>),
                (await AllAsync(RoundsProjection.RoundsCollection, bound.Token)).Select(ViewJson.Read<RoundView>));
        var raw = new List<(string, IDomainEvent)>();
        await foreach (var recorded in _events.ReadAllAsync(Position.Start, AllFilter.None, cancellationToken: bound.Token))
        {
            raw.Add((recorded.Stream.Value, Read(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion)));
        }

        Recount = PlainRecount.Of(raw);
    }

    public async Task DisposeAsync()
    {
        await _views.DisposeAsync();
        await _events.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IDomainEvent Read(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);

    private static EventData ToEventData(IDomainEvent fact) =>
        new(Guid.NewGuid(), EventTypes.NameOf(fact), DomainEventJson.Serialize(fact), Events.Metadata);

    private async Task<List<string>> AllAsync(string collection, CancellationToken cancellationToken)
    {
        var json = new List<string>();
        ViewCursor? after = null;
        do
        {
            var page = await _views.QueryAsync(new ViewQuery(collection, [], 1000, after), cancellationToken);
            json.AddRange(page.Hits.Select(h => h.Document.Json));
            after = page.Next;
        }
        while (after is not null);
        return json;
    }
}

/// <summary>
/// The scorecard over a generated history of more than 10,000 commitments, appended to a real SQLite log and projected
/// by the real projections, agrees with a plain recount from the log's raw events: every group, every status, every
/// commitment behind each number, and the lateness medians and spread.
/// </summary>
public sealed class GeneratedScorecardTests(GeneratedScorecardHistory history) : IClassFixture<GeneratedScorecardHistory>
{
    [Fact]
    public void The_history_holds_more_than_10000_commitments_in_the_log_and_in_the_view()
    {
        Assert.True(history.Recount.Count > 10_000, $"{history.Recount.Count} commitments in the log");
        Assert.Equal(history.Recount.Count, history.Commitments.Count);
    }

    [Theory]
    [InlineData(ScorecardGrouping.Dialogue, "2026-11-26")]
    [InlineData(ScorecardGrouping.Round, "2012-03-01")]
    [InlineData(ScorecardGrouping.Party, "2013-07-15")]
    [InlineData(ScorecardGrouping.Topic, "2014-06-30")]
    [InlineData(ScorecardGrouping.Kind, "2011-09-09")]
    public void Every_kind_counted_each_group_and_status_lists_the_commitments_a_plain_recount_from_the_raw_events_finds(ScorecardGrouping by, string asOf)
    {
        var day = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var scorecard = ScorecardCalculator.Compute(history.Commitments, new ScorecardQuestion(by, day, IncludeAllKinds: true), history.Context);

        var expected = history.Recount.AsOf(day).ToList();
        Assert.Empty(scorecard.OtherKinds);
        AssertSameGroups(expected, by, scorecard.Groups);
    }

    [Fact]
    public void By_default_undertakings_are_counted_and_the_other_kinds_shown_apart_each_as_the_recount_has_them()
    {
        var day = new DateOnly(2013, 1, 1);
        var scorecard = ScorecardCalculator.Compute(history.Commitments, new ScorecardQuestion(ScorecardGrouping.Party, day), history.Context);

        var expected = history.Recount.AsOf(day).ToList();
        Assert.Equal([CommitmentKinds.Undertaking], scorecard.KindsCounted);
        AssertSameGroups([.. expected.Where(o => o.Kind == CommitmentKinds.Undertaking)], ScorecardGrouping.Party, scorecard.Groups);
        AssertSameGroups([.. expected.Where(o => o.Kind != CommitmentKinds.Undertaking)], ScorecardGrouping.Party, scorecard.OtherKinds);
    }

    [Fact]
    public void Filtered_by_round_and_side_the_scorecard_counts_only_those_the_recount_finds_for_them()
    {
        var day = new DateOnly(2015, 1, 1);
        var scorecard = ScorecardCalculator.Compute(history.Commitments, new ScorecardQuestion(ScorecardGrouping.Kind, day, RoundId: "g05", MadeBy: "cn"), history.Context);

        var expected = history.Recount.AsOf(day).Where(o => o.RoundId == "g05" && o.MadeBy.Contains("cn")).ToList();
        Assert.NotEmpty(expected);
        AssertSameGroups(expected, ScorecardGrouping.Kind, scorecard.Groups);
    }

    private static void AssertSameGroups(IReadOnlyList<PlainRecount.Outcome> expected, ScorecardGrouping by, IReadOnlyList<ScorecardGroup> groups)
    {
        var byKey = expected
            .SelectMany(o => Keys(o, by).Select(key => (Key: key, Outcome: o)))
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => k.Outcome).ToList(), StringComparer.Ordinal);
        Assert.Equal(byKey.Keys.Order(StringComparer.Ordinal), groups.Select(g => g.Key));
        foreach (var group in groups)
        {
            var members = byKey[group.Key];
            Assert.Equal(Ids(members), group.CommitmentIds);
            foreach (var tally in group.Statuses)
            {
                var withStatus = members.Where(m => m.Status == tally.Status.Name()).ToList();
                Assert.Equal(Ids(withStatus), tally.CommitmentIds);
                Assert.Equal((double)withStatus.Count / members.Count, tally.Rate, 9);
            }

            Assert.Equal(members.Count, group.Statuses.Sum(s => s.Count));
            var late = members.Where(m => m.Late is not null).ToList();
            Assert.Equal(Ids(late), group.Lateness.CommitmentIds);
            if (late.Count > 0)
            {
                Assert.Equal(Median(late.Select(m => m.Late!.Value.Least)), group.Lateness.MedianLeast);
                Assert.Equal(Median(late.Select(m => m.Late!.Value.Most)), group.Lateness.MedianMost);
                Assert.Equal(late.Min(m => m.Late!.Value.Least), group.Lateness.Least);
                Assert.Equal(late.Max(m => m.Late!.Value.Most), group.Lateness.Most);
            }
        }
    }

    private static List<string> Keys(PlainRecount.Outcome outcome, ScorecardGrouping by)
    {
        string?[] keys = by switch
        {
            ScorecardGrouping.Dialogue => [outcome.DialogueId],
            ScorecardGrouping.Round => [outcome.RoundId],
            ScorecardGrouping.Party => [.. outcome.MadeBy],
            ScorecardGrouping.Topic => [.. outcome.Topics],
            _ => [outcome.Kind],
        };
        var present = keys.OfType<string>().Distinct().ToList();
        return present.Count == 0 ? ["(none)"] : present;
    }

    private static List<string> Ids(IEnumerable<PlainRecount.Outcome> outcomes) => [.. outcomes.Select(o => o.Id).Order(StringComparer.Ordinal)];

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }

}
