using System.Net;
using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>
/// The analyses of the reference record, against figures read from its documents (../shared/sources) and the entries
/// that cite them (data/reference). Assessed as of fixed days, so the figures do not move with the clock.
/// </summary>
[Collection(SqliteReferenceRecordGroup.Name)]
public sealed class ReferenceRecordAnalysisTests(SqliteReferenceRecord record)
{
    private const string Dialogue = "us-china-human-rights";
    private const string Today = "2026-11-26";

    // The undertakings of 10- and 12- (kinds as 40- reviewed them): the five "we will continue to raise" of Posner's
    // briefing (001) have no end; the next round "in China in 2011" was held in April 2011 (20-); the legal experts
    // dialogue, moved to "2011-06" in April 2011, is reviewed only up to April 2011 (40-), so past June it is unknown.
    private static readonly string[] ContinueRaising =
    [
        "continue-raising-gao-zhisheng", "continue-raising-liu-xiaobo", "continue-raising-refugee-cases",
        "continue-raising-religious-freedom-concerns", "continue-raising-specific-cases",
    ];

    private static readonly string[] NoneOf = ["overdue", "kept-late", "kept-possibly-late", "broken", "withdrawn"];

    private AnalysisService.AnalysisServiceClient Analysis => new(record.Server.Channel);

    [Fact]
    public async Task By_dialogue_the_dialogue_s_undertakings_are_one_kept_five_pending_and_the_legal_experts_dialogue_unknown()
    {
        var scorecard = await Analysis.GetScorecardAsync(new GetScorecardRequest { AsOf = Today }, Deadline());

        Assert.Equal("dialogue", scorecard.GroupBy);
        Assert.Equal(["undertaking"], scorecard.KindsCounted);
        // VOA (002): the dialogue agreed in November 2009 was held in May 2010; it was made outside any round.
        Assert.Equal(["(none)", Dialogue], scorecard.Groups.Select(g => g.Key));
        var outside = scorecard.Groups[0];
        Assert.Equal(["hold-dialogue-agreed-2009-11"], Status(outside, "kept").CommitmentIds);
        var dialogue = scorecard.Groups[1];
        Assert.Equal(7, dialogue.Total);
        Assert.Equal(["next-round-in-china-2011"], Status(dialogue, "kept").CommitmentIds);
        Assert.Equal(ContinueRaising, Status(dialogue, "pending").CommitmentIds);
        Assert.Equal(["legal-experts-dialogue"], Status(dialogue, "unknown").CommitmentIds);
        Assert.Equal(1.0 / 7, Status(dialogue, "kept").Rate, 9);
        Assert.All(NoneOf, s => Assert.Equal(0, Status(dialogue, s).Count));
        // Nothing the record holds is late: the one window that ended in silence is past its review horizon.
        Assert.Equal(0, dialogue.Lateness.Count);
    }

    [Fact]
    public async Task The_intentions_and_the_request_are_shown_apart_every_one_unknown_for_want_of_an_end_or_a_review()
    {
        var scorecard = await Analysis.GetScorecardAsync(new GetScorecardRequest { AsOf = Today }, Deadline());

        // 40-: the religion and labor expert talks, Posner's trip to Beijing and human rights at the S&ED are aims
        // (intentions); meeting Liu Xia is a request.
        var others = Assert.Single(scorecard.OtherKinds);
        Assert.Equal(Dialogue, others.Key);
        Assert.Equal(["human-rights-at-next-sed", "labor-expert-talks", "meet-liu-xia", "posner-beijing-next-week", "religion-expert-talks"], Status(others, "unknown").CommitmentIds);
        Assert.Equal(5, others.Total);
    }

    [Fact]
    public async Task As_of_new_year_2011_the_next_round_held_in_April_2011_is_still_pending_nothing_later_leaks_in()
    {
        var scorecard = await Analysis.GetScorecardAsync(new GetScorecardRequest { AsOf = "2011-01-01", DialogueId = Dialogue }, Deadline());

        var dialogue = Assert.Single(scorecard.Groups);
        Assert.Equal(0, Status(dialogue, "kept").Count);
        Assert.Equal(["continue-raising-gao-zhisheng", "continue-raising-liu-xiaobo", "continue-raising-refugee-cases", "continue-raising-religious-freedom-concerns", "continue-raising-specific-cases", "next-round-in-china-2011"], Status(dialogue, "pending").CommitmentIds);
        Assert.Equal(["legal-experts-dialogue"], Status(dialogue, "unknown").CommitmentIds);
    }

    [Fact]
    public async Task By_party_a_joint_undertaking_counts_for_each_side_China_s_three_two_kept()
    {
        var scorecard = await Analysis.GetScorecardAsync(new GetScorecardRequest { GroupBy = "party", AsOf = Today }, Deadline());

        Assert.Equal(["cn", "us"], scorecard.Groups.Select(g => g.Key));
        var china = scorecard.Groups[0];
        Assert.Equal(["hold-dialogue-agreed-2009-11", "legal-experts-dialogue", "next-round-in-china-2011"], china.CommitmentIds);
        Assert.Equal(["hold-dialogue-agreed-2009-11", "next-round-in-china-2011"], Status(china, "kept").CommitmentIds);
        Assert.Equal(8, scorecard.Groups[1].Total);
    }

    [Fact]
    public async Task By_kind_every_kind_is_counted_eight_undertakings_four_intentions_one_request()
    {
        var scorecard = await Analysis.GetScorecardAsync(new GetScorecardRequest { GroupBy = "kind", AsOf = Today }, Deadline());

        Assert.Empty(scorecard.OtherKinds);
        Assert.Equal([("intention", 4), ("request", 1), ("undertaking", 8)], scorecard.Groups.Select(g => (g.Key, g.Total)));
    }

    [Fact]
    public async Task By_topic_the_2010_undertakings_count_under_each_topic_of_the_2010_sessions()
    {
        var scorecard = await Analysis.GetScorecardAsync(new GetScorecardRequest { GroupBy = "topic", AsOf = Today, RoundId = "2010-washington" }, Deadline());

        // 000: the 13 May sessions were each on one topic, rule of law among them; 001: the site visits too.
        var ruleOfLaw = Assert.Single(scorecard.Groups, g => g.Key == "rule of law");
        Assert.Equal(7, ruleOfLaw.Total);
        Assert.Contains(scorecard.Groups, g => g.Key == "Universal Periodic Review");
        Assert.All(scorecard.Groups, g => Assert.Equal(ruleOfLaw.CommitmentIds, g.CommitmentIds));
    }

    [Fact]
    public async Task Liu_Xiaobo_Gao_Zhisheng_Tibet_and_Xinjiang_were_raised_in_two_or_more_rounds_with_no_change_for_the_better()
    {
        var recurrences = await Analysis.ListCaseRecurrencesAsync(new ListCaseRecurrencesRequest { AsOf = Today }, Deadline());

        Assert.Equal(["gao-zhisheng", "liu-xiaobo", "tibet", "xinjiang"], recurrences.Cases.Select(c => c.CaseId));
        var liu = recurrences.Cases[1];
        Assert.Equal(["2010-washington", "2011-beijing", "2012-washington"], liu.RoundIds);
        Assert.Equal("sentenced", liu.LatestStatus);
        // 003 (CNN, April 2011): Gao Zhisheng missing; raised in the round in confidence and in public the same month.
        var gao = recurrences.Cases[0];
        var april2011 = gao.Raisings.Where(r => r.RoundId == "2011-beijing").ToList();
        Assert.Equal([false, true], april2011.Select(r => r.Publicly).Order());
        Assert.All(april2011, r => Assert.Equal(("missing", "2011-04"), (r.NearestStatus.Status, r.NearestStatus.AsOf)));
        var first = gao.Raisings[0];
        Assert.Equal(("2010-05-13", "round", false), (first.Date, first.Channel, first.Publicly));
        Assert.Equal("detained", first.NearestStatus.Status);
        // No status of the regions is recorded, so none is near their raisings.
        Assert.All(recurrences.Cases[2].Raisings, r => Assert.Null(r.NearestStatus));
    }

    [Fact]
    public async Task As_of_May_2011_only_the_cases_raised_in_2010_and_again_in_Beijing_recur()
    {
        var recurrences = await Analysis.ListCaseRecurrencesAsync(new ListCaseRecurrencesRequest { AsOf = "2011-05-01" }, Deadline());

        Assert.Equal(["gao-zhisheng", "liu-xiaobo"], recurrences.Cases.Select(c => c.CaseId));
        Assert.All(recurrences.Cases, c => Assert.Equal(["2010-washington", "2011-beijing"], c.RoundIds));
    }

    [Fact]
    public async Task The_2010_and_2011_rounds_compared_share_two_cases_no_topic_and_the_US_words_harden()
    {
        var comparison = await Analysis.CompareRoundsAsync(new CompareRoundsRequest { RoundA = "2010-washington", RoundB = "2011-beijing" }, Deadline());

        Assert.Equal(["gao-zhisheng", "liu-xiaobo"], comparison.Cases.Both);
        Assert.Equal(["disbarred-lawyers", "falun-gong", "refugee-cases", "tibet", "xinjiang"], comparison.Cases.OnlyA);
        Assert.Equal(["ai-weiwei", "chen-guangcheng", "jasmine-crackdown-detainees", "liu-xia", "teng-biao"], comparison.Cases.OnlyB);
        Assert.Empty(comparison.Topics.Both);
        Assert.Equal(["disappearances", "status of recently detained activists"], comparison.Topics.OnlyB);
        Assert.Equal(["human-rights-at-next-sed", "meet-liu-xia"], comparison.Commitments.OnlyB);
        Assert.Equal(10, comparison.Commitments.OnlyA.Count);
        Assert.Empty(comparison.Commitments.Both);
        Assert.Equal(["cn-media", "us"], comparison.Characterisations.Select(c => c.Side));
        var us = comparison.Characterisations[1];
        Assert.Contains("candid and constructive, including a range of areas where we disagree", us.RoundA);
        Assert.Contains("a tough set of discussions; our disagreements are profound", us.RoundB);
        Assert.Empty(comparison.Characterisations[0].RoundA);
    }

    [Fact]
    public async Task Liu_Xiaobo_s_timeline_is_in_world_date_order_with_each_date_s_precision()
    {
        var timeline = await Analysis.GetTimelineAsync(new GetTimelineRequest { Id = "liu-xiaobo" }, Deadline());

        Assert.Equal(("case", "liu-xiaobo"), (timeline.Subject, timeline.Id));
        Assert.Equal(["/2010-05-13", "/2010-05-13", "2010-05-13", "2010-05-13", "2010-05-14", "2011-04", "2011-04", "2012-07", "2012-07"], timeline.Entries.Select(e => e.Date));
        Assert.Equal(["raised", "response", "raised", "status-reported", "raised", "raised", "status-reported", "raised", "raised"], timeline.Entries.Select(e => e.Type));
        Assert.Equal(("interval", "up to 13 May 2010"), (timeline.Entries[0].Precision, timeline.Entries[0].DateWords));
        Assert.Equal(("month", "sometime in April 2011"), (timeline.Entries[5].Precision, timeline.Entries[5].DateWords));
    }

    [Fact]
    public async Task A_commitment_s_timeline_shows_its_making_its_reaffirmation_and_its_move_and_a_retracted_response_is_not_on_a_case_s()
    {
        var legal = await Analysis.GetTimelineAsync(new GetTimelineRequest { Id = "legal-experts-dialogue" }, Deadline());
        var gao = await Analysis.GetTimelineAsync(new GetTimelineRequest { Id = "case-gao-zhisheng" }, Deadline());

        Assert.Equal("commitment", legal.Subject);
        // 001: agreed on 14 May 2010, and the same day Posner's own benchmark, "in the next few months" (40- records
        // it as his reaffirmation); 003: in April 2011 the talks were set for June.
        Assert.Equal([("made", "2010-05-14"), ("reaffirmed", "2010-05-14"), ("rescheduled", "2011-04")], legal.Entries.Select(e => (e.Type, e.Date)));
        Assert.DoesNotContain(gao.Entries, e => e.Type == "response");
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_the_field()
    {
        var grouping = await Assert.ThrowsAsync<RpcException>(async () => await Analysis.GetScorecardAsync(new GetScorecardRequest { GroupBy = "weekday" }, Deadline()));
        var same = await Assert.ThrowsAsync<RpcException>(async () => await Analysis.CompareRoundsAsync(new CompareRoundsRequest { RoundA = "2011-beijing", RoundB = "2011-beijing" }, Deadline()));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await Analysis.GetTimelineAsync(new GetTimelineRequest { Id = "nobody-at-all" }, Deadline()));

        Assert.Equal(StatusCode.InvalidArgument, grouping.StatusCode);
        Assert.Contains("group_by", grouping.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, same.StatusCode);
        Assert.Contains("round_b", same.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_scorecard_is_read_by_a_JSON_GET_with_its_figures_and_ids()
    {
        using var http = record.Server.NewJsonClient();

        using var response = await http.GetAsync(new Uri($"/v1/analysis/scorecard?groupBy=party&asOf={Today}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var china = json.RootElement.GetProperty("groups")[0];
        Assert.Equal("cn", china.GetProperty("key").GetString());
        Assert.Equal(3, china.GetProperty("total").GetInt32());
        var kept = china.GetProperty("statuses").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "kept");
        Assert.Equal(["hold-dialogue-agreed-2009-11", "next-round-in-china-2011"], kept.GetProperty("commitmentIds").EnumerateArray().Select(e => e.GetString()));
    }

    private static ScorecardStatus Status(ScorecardGroup group, string status) => group.Statuses.Single(s => s.Status == status);

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow + Timeouts.Call);
}
