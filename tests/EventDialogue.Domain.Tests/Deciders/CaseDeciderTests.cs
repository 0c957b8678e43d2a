using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

public sealed class CaseDeciderTests
{
    private static readonly CaseDecider Decider = new();

    private static CaseState Given(params IDomainEvent[] history) => Decider.Given(history);

    private static OpenCase OpenLiuXiaobo(IReadOnlyList<CaseName>? names = null, string kind = "person") =>
        new(LiuXiaobo, kind, names ?? [new CaseName("Liu Xiaobo", "Latn"), new CaseName("刘晓波", "Hans")], "Writer and activist.", LiuXiaoboRaised);

    private static RaiseCase RaiseInRound(string channel = "round", string? round = Round) =>
        new(LiuXiaobo, "us", channel, round, true, "2010-05-13/2010-05-14", LiuXiaoboRaised);

    private static ReportCaseStatus GaoDetained() =>
        new(GaoZhisheng, "detained", "2010-05-14", null, null, GaoZhishengReported.Detail, "believed", "official", GaoZhishengDetained);

    private static ReportCaseStatus LiuSentenced(string status = "sentenced") =>
        new(LiuXiaobo, status, "2009-12-25", "11 years", "inciting subversion of state power", null, "confirmed", "official", LiuXiaoboRaised);

    private static RecordCaseResponse NoResponse(string response = "no-response") =>
        new(LiuXiaobo, "cn", response, "2010-05-14", LiuXiaoboResponse.Detail, LiuXiaoboResponse.Source);

    [Fact]
    public void Given_no_history_when_Liu_Xiaobos_case_is_opened_then_his_names_in_two_scripts_are_kept()
    {
        var opened = OnlyEvent<CaseOpened>(Decider.Decide(Given(), OpenLiuXiaobo(), Everything()));

        Assert.Equal((LiuXiaobo, "person", "Writer and activist.", LiuXiaoboRaised), (opened.CaseId, opened.Kind, opened.Description, opened.Source));
        Assert.Equal([new CaseName("Liu Xiaobo", "Latn"), new CaseName("刘晓波", "Hans")], opened.Names);
    }

    [Fact]
    public void Names_and_the_kind_are_trimmed()
    {
        var command = OpenLiuXiaobo([new CaseName(" Liu Xiaobo ", "Latn"), new CaseName("刘晓波 ", " Hans ")], " Person ");

        var opened = OnlyEvent<CaseOpened>(Decider.Decide(Given(), command, Everything()));

        Assert.Equal("person", opened.Kind);
        Assert.Equal(LiuXiaoboOpened.Names, opened.Names);
    }

    [Fact]
    public void A_case_cannot_be_opened_twice()
    {
        Refused(() => Decider.Decide(Given(LiuXiaoboOpened), OpenLiuXiaobo(), Everything()), DomainErrorKind.AlreadyExists, "case_id");
    }

    [Fact]
    public void A_case_has_at_least_one_name()
    {
        Invalid(() => Decider.Decide(Given(), OpenLiuXiaobo([]), Everything()), "names");
    }

    [Fact]
    public void A_case_has_at_most_twelve_names()
    {
        Invalid(() => Decider.Decide(Given(), OpenLiuXiaobo([.. Enumerable.Range(1, 13).Select(i => new CaseName($"Name {i}", "Latn"))]), Everything()), "names");
    }

    [Fact]
    public void A_blank_name_is_refused_naming_its_place()
    {
        Invalid(() => Decider.Decide(Given(), OpenLiuXiaobo([new CaseName("Liu Xiaobo", "Latn"), new CaseName(" ", "Hans")]), Everything()), "names[1].text");
    }

    [Theory]
    [InlineData("latn")]
    [InlineData("LATN")]
    [InlineData("Latin")]
    [InlineData("Lat")]
    [InlineData("")]
    public void A_script_is_an_ISO_15924_code(string script)
    {
        Invalid(() => Decider.Decide(Given(), OpenLiuXiaobo([new CaseName("Liu Xiaobo", script)]), Everything()), "names[0].script");
    }

    [Fact]
    public void The_kind_of_case_is_a_person_or_a_group()
    {
        Invalid(() => Decider.Decide(Given(), OpenLiuXiaobo(kind: "organisation"), Everything()), "kind");
    }

    [Fact]
    public void A_description_over_20000_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(), OpenLiuXiaobo() with { Description = Chars(20_001) }, Everything()), "description");
    }

    [Fact]
    public void A_case_cites_a_source_that_exists()
    {
        Refused(() => Decider.Decide(Given(), OpenLiuXiaobo(), EverythingBut(Streams.Source(Briefing))), DomainErrorKind.NotFound, "source.source_id");
    }

    [Fact]
    public void A_case_id_is_a_slug()
    {
        Invalid(() => Decider.Decide(Given(), OpenLiuXiaobo() with { CaseId = "Liu Xiaobo" }, Everything()), "case_id");
    }

    [Fact]
    public void Nothing_can_be_recorded_of_a_case_not_opened()
    {
        Refused(() => Decider.Decide(Given(), RaiseInRound(), Everything()), DomainErrorKind.NotFound, null);
        Refused(() => Decider.Decide(Given(), LiuSentenced(), Everything()), DomainErrorKind.NotFound, null);
    }

    [Fact]
    public void Given_an_open_case_when_it_is_raised_publicly_in_the_round_then_side_channel_round_and_dates_are_kept()
    {
        Assert.Equal(LiuXiaoboRaisedInRound, OnlyEvent<CaseRaised>(Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(), Everything())));
    }

    [Fact]
    public void A_case_raised_in_a_round_names_the_round()
    {
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(round: null), Everything()), "round_id");
    }

    [Fact]
    public void The_round_a_case_was_raised_in_exists()
    {
        Refused(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(), EverythingBut(Streams.Round(Round))), DomainErrorKind.NotFound, "round_id");
    }

    [Fact]
    public void A_case_raised_in_a_letter_needs_no_round()
    {
        var raised = OnlyEvent<CaseRaised>(Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(channel: "Letter", round: null) with { Publicly = false }, Everything()));

        Assert.Equal(("letter", (string?)null, false), (raised.Channel, raised.RoundId, raised.Publicly));
    }

    [Fact]
    public void A_case_raised_in_private_talks_is_not_confidential_and_one_raised_in_confidence_is()
    {
        var privately = OnlyEvent<CaseRaised>(Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound() with { Publicly = false }, Everything()));
        var inConfidence = OnlyEvent<CaseRaised>(Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound() with { Publicly = false, InConfidence = true }, Everything()));

        Assert.False(Confidentiality.IsConfidential(privately));
        Assert.True(Confidentiality.IsConfidential(inConfidence));
    }

    [Fact]
    public void A_case_raised_in_confidence_cannot_have_been_raised_publicly()
    {
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound() with { InConfidence = true }, Everything()), "in_confidence");
    }

    [Fact]
    public void A_case_can_be_raised_again_and_again()
    {
        Assert.Single(Decider.Decide(Given(LiuXiaoboOpened, LiuXiaoboRaisedInRound, LiuXiaoboRaisedInRound), RaiseInRound(), Everything()));
    }

    [Fact]
    public void Raising_a_case_is_validated_field_by_field()
    {
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(channel: "telegram"), Everything()), "channel");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound() with { RaisedBy = "USA!" }, Everything()), "raised_by");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound() with { Date = "mid-May 2010" }, Everything()), "date");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(round: "Washington"), Everything()), "round_id");
    }

    [Fact]
    public void Given_an_open_case_when_a_status_is_reported_then_its_certainty_and_kind_of_source_are_kept()
    {
        var opened = LiuXiaoboOpened with { CaseId = GaoZhisheng };

        Assert.Equal(GaoZhishengReported, OnlyEvent<CaseStatusReported>(Decider.Decide(Given(opened), GaoDetained(), Everything())));
    }

    [Fact]
    public void A_sentence_carries_its_term_and_charge()
    {
        var reported = OnlyEvent<CaseStatusReported>(Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { Status = " Sentenced " }, Everything()));

        Assert.Equal(("sentenced", "11 years", "inciting subversion of state power", "2009-12-25"), (reported.Status, reported.Term, reported.Charge, reported.AsOf));
    }

    [Theory]
    [InlineData("detained")]
    [InlineData("released")]
    [InlineData("house-arrest")]
    public void A_term_goes_only_with_a_sentenced_status(string status)
    {
        var refusal = Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced(status), Everything()), "term");

        Assert.Contains($"not '{status}'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_a_status_is_validated_field_by_field()
    {
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced("jailed"), Everything()), "status");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { AsOf = "" }, Everything()), "as_of");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { AsOf = "2009-12-32" }, Everything()), "as_of");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { Certainty = "certain" }, Everything()), "certainty");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { SourceType = "rumour" }, Everything()), "source_type");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { Charge = Chars(501) }, Everything()), "charge");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { Term = Chars(201) }, Everything()), "term");
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced() with { Detail = Chars(20_001) }, Everything()), "detail");
    }

    [Fact]
    public void Responses_need_a_raised_case()
    {
        var refusal = Refused(() => Decider.Decide(Given(LiuXiaoboOpened), NoResponse(), Everything()), DomainErrorKind.FailedPrecondition, "case_id");

        Assert.Contains("has not been raised", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_raised_case_when_a_response_is_recorded_then_it_is_kept_in_the_fixed_vocabulary()
    {
        Assert.Equal(LiuXiaoboResponse, OnlyEvent<CaseResponseReceived>(Decider.Decide(Given(LiuXiaoboOpened, LiuXiaoboRaisedInRound), NoResponse(" No-Response "), Everything())));
    }

    [Fact]
    public void Recording_a_response_is_validated_field_by_field()
    {
        var raised = Given(LiuXiaoboOpened, LiuXiaoboRaisedInRound);

        Invalid(() => Decider.Decide(raised, NoResponse("ignored"), Everything()), "response");
        Invalid(() => Decider.Decide(raised, NoResponse() with { From = "" }, Everything()), "from");
        Invalid(() => Decider.Decide(raised, NoResponse() with { Date = "2010-05-14/2010-05-13" }, Everything()), "date");
    }

    [Fact]
    public void Every_wrong_field_of_a_case_opened_is_named_each_name_by_its_place()
    {
        var names = new[] { new CaseName(" ", "latin"), new CaseName("刘晓波", "Hans"), new CaseName("Liu Xiaobo", "LATN") };

        Invalid(
            () => Decider.Decide(Given(), OpenLiuXiaobo(names, kind: "organisation") with { Description = Chars(20_001) }, Everything()),
            "kind",
            "names[0].text",
            "names[0].script",
            "names[2].script",
            "description");
    }

    [Fact]
    public void A_case_raised_on_no_known_channel_is_not_also_refused_for_naming_no_round()
    {
        // Whether a round must be named depends on the channel; of a channel that is wrong it cannot be said.
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(channel: "telegram", round: null), Everything()), "channel");
    }

    [Fact]
    public void A_case_raised_in_a_round_it_does_not_name_is_refused_for_that_beside_the_other_wrong_fields()
    {
        Invalid(
            () => Decider.Decide(Given(LiuXiaoboOpened), RaiseInRound(round: null) with { RaisedBy = "USA!", Date = "mid-May 2010" }, Everything()),
            "raised_by",
            "round_id",
            "date");
    }

    [Fact]
    public void A_term_is_not_held_against_a_status_that_is_wrong()
    {
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced("jailed"), Everything()), "status");
    }

    [Fact]
    public void A_term_beside_a_status_other_than_sentenced_is_named_with_the_other_wrong_fields()
    {
        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened), LiuSentenced("detained") with { AsOf = "", Certainty = "certain" }, Everything()), "as_of", "term", "certainty");
    }

    [Fact]
    public void Every_wrong_field_of_a_response_is_named()
    {
        var command = NoResponse("ignored") with { From = "", Date = "2010-05-14/2010-05-13" };

        Invalid(() => Decider.Decide(Given(LiuXiaoboOpened, LiuXiaoboRaisedInRound), command, Everything()), "from", "response", "date");
    }
}
