using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Rounds;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

public sealed class RoundDeciderTests
{
    private static readonly RoundDecider Decider = new();

    private static RoundState Given(params IDomainEvent[] history) => Decider.Given(history);

    private static HoldRound Hold(
        string round = Round,
        string dialogue = HumanRightsDialogue,
        string dates = "2010-05-13/2010-05-14",
        string? place = "Washington, DC",
        string? ordinal = "15th",
        Citation? source = null) =>
        new(round, dialogue, dates, place, ordinal, source ?? WeMet);

    private static ScheduleRound Schedule(string dialogue = HumanRightsDialogue) =>
        new(Round, dialogue, "2010-05-13/2010-05-14", "Washington, DC", WashingtonScheduled.Source);

    private static NameDelegationMember ChenXu(bool leads = true) =>
        new(Round, "cn", "Chen Xu", "Director General, Department of International Organizations", "Ministry of Foreign Affairs", leads, ChenXuLed);

    private static NameDelegationMember Posner(bool leads = true) =>
        new(Round, "us", "Michael H. Posner", "Assistant Secretary, Bureau of Democracy, Human Rights, and Labor", "U.S. Department of State", leads, WeMet);

    private static RecordSession Session(IReadOnlyList<string> topics, string? date = "2010-05-13") => new(Round, topics, date, Topics);

    [Fact]
    public void Given_no_history_when_the_round_is_held_then_it_is_recorded_with_its_dates_place_and_ordinal()
    {
        var held = OnlyEvent<RoundHeld>(Decider.Decide(Given(), Hold(), Everything()));

        Assert.Equal(WashingtonHeld, held);
    }

    [Fact]
    public void Texts_are_trimmed_and_dates_normalised()
    {
        var command = Hold(dates: " 2010-05-13/2010-05-14 ", place: "  Washington, DC ", ordinal: " 15th ", source: WeMet with { SourceId = $" {Briefing} " });

        Assert.Equal(WashingtonHeld, OnlyEvent<RoundHeld>(Decider.Decide(Given(), command, Everything())));
    }

    [Fact]
    public void Given_no_history_when_the_round_is_scheduled_then_it_is_recorded()
    {
        Assert.Equal(WashingtonScheduled, OnlyEvent<RoundScheduled>(Decider.Decide(Given(), Schedule(), Everything())));
    }

    [Fact]
    public void Given_a_scheduled_round_when_it_is_held_then_it_is_recorded()
    {
        Assert.Equal(WashingtonHeld, OnlyEvent<RoundHeld>(Decider.Decide(Given(WashingtonScheduled), Hold(), Everything())));
    }

    [Fact]
    public void A_round_cannot_be_held_twice()
    {
        var refusal = Refused(() => Decider.Decide(Given(WashingtonScheduled, WashingtonHeld), Hold(), Everything()), DomainErrorKind.FailedPrecondition, "round_id");

        Assert.Contains("cannot be held twice", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_round_cannot_be_scheduled_twice()
    {
        Refused(() => Decider.Decide(Given(WashingtonScheduled), Schedule(), Everything()), DomainErrorKind.AlreadyExists, "round_id");
    }

    [Fact]
    public void A_round_already_held_cannot_be_scheduled()
    {
        var refusal = Refused(() => Decider.Decide(Given(WashingtonHeld), Schedule(), Everything()), DomainErrorKind.AlreadyExists, "round_id");

        Assert.Contains("already held", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_round_scheduled_in_one_dialogue_cannot_be_held_in_another()
    {
        Refused(() => Decider.Decide(Given(WashingtonScheduled), Hold(dialogue: LegalExpertsDialogue), Everything()), DomainErrorKind.FailedPrecondition, "dialogue_id");
    }

    [Fact]
    public void A_round_belongs_to_a_dialogue_that_exists()
    {
        Refused(() => Decider.Decide(Given(), Hold(), EverythingBut(Streams.Dialogue(HumanRightsDialogue))), DomainErrorKind.NotFound, "dialogue_id");
        Refused(() => Decider.Decide(Given(), Schedule(), EverythingBut(Streams.Dialogue(HumanRightsDialogue))), DomainErrorKind.NotFound, "dialogue_id");
    }

    [Fact]
    public void A_round_cites_a_source_that_exists()
    {
        Refused(() => Decider.Decide(Given(), Hold(), EverythingBut(Streams.Source(Briefing))), DomainErrorKind.NotFound, "source.source_id");
    }

    [Fact]
    public void Every_round_fact_cites_a_source()
    {
        Invalid(() => Decider.Decide(Given(), Hold() with { Source = null! }, Everything()), "source");
    }

    [Theory]
    [InlineData("13-14 May 2010")]
    [InlineData("2010-05-13/2010-05/14")]
    [InlineData("2010-05-14/2010-05-13")]
    [InlineData("")]
    public void The_dates_of_a_round_are_EDTF(string dates)
    {
        Invalid(() => Decider.Decide(Given(), Hold(dates: dates), Everything()), "dates");
    }

    [Fact]
    public void A_round_known_only_to_have_been_held_is_recorded_without_a_place()
    {
        // "the last one was in 2008. The last one before that was in 2002": a year, and no place.
        var held = OnlyEvent<RoundHeld>(Decider.Decide(Given(), Hold(dates: "2008", place: "  ", ordinal: null), Everything()));

        Assert.Equal(WashingtonHeld with { Dates = "2008", Place = null, Ordinal = null }, held);
    }

    [Fact]
    public void An_ordinal_is_short()
    {
        Invalid(() => Decider.Decide(Given(), Hold(ordinal: Chars(21)), Everything()), "ordinal");
    }

    [Theory]
    [InlineData("2010 Washington")]
    [InlineData("round/2010")]
    public void A_round_id_is_a_slug(string id)
    {
        Invalid(() => Decider.Decide(Given(), Hold(round: id), Everything()), "round_id");
    }

    [Fact]
    public void Given_a_held_round_when_Chen_Xu_is_named_as_leading_the_Chinese_delegation_then_it_is_recorded()
    {
        Assert.Equal(ChenXuNamed, OnlyEvent<DelegationMemberNamed>(Decider.Decide(Given(WashingtonHeld), ChenXu(), Everything())));
    }

    [Fact]
    public void A_delegation_has_one_lead_per_side()
    {
        var refusal = Refused(() => Decider.Decide(Given(WashingtonHeld, ChenXuNamed), ChenXu(), Everything()), DomainErrorKind.FailedPrecondition, "leads");

        Assert.Contains("'cn' delegation already has a leader", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_Chinese_lead_when_the_US_lead_is_named_then_it_is_recorded()
    {
        Assert.True(OnlyEvent<DelegationMemberNamed>(Decider.Decide(Given(WashingtonHeld, ChenXuNamed), Posner(), Everything())).Leads);
    }

    [Fact]
    public void Given_a_lead_when_another_member_of_that_side_is_named_without_leading_then_it_is_recorded()
    {
        var member = new NameDelegationMember(Round, "cn", "  A representative ", null, " Supreme People's Court ", false, ChenXuLed);

        var named = OnlyEvent<DelegationMemberNamed>(Decider.Decide(Given(WashingtonHeld, ChenXuNamed), member, Everything()));

        Assert.Equal(new DelegationMemberNamed("cn", "A representative", null, "Supreme People's Court", false, ChenXuLed), named);
    }

    [Fact]
    public void A_delegation_member_has_a_name_and_a_side_code()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), ChenXu() with { Name = "" }, Everything()), "name");
        Invalid(() => Decider.Decide(Given(WashingtonHeld), ChenXu() with { Side = "China" }, Everything()), "side");
        Invalid(() => Decider.Decide(Given(WashingtonHeld), ChenXu() with { Title = Chars(501) }, Everything()), "title");
        Invalid(() => Decider.Decide(Given(WashingtonHeld), ChenXu() with { Agency = Chars(501) }, Everything()), "agency");
    }

    [Fact]
    public void Nothing_can_be_recorded_of_a_round_that_was_neither_scheduled_nor_held()
    {
        Refused(() => Decider.Decide(Given(), ChenXu(), Everything()), DomainErrorKind.NotFound, null);
        Refused(() => Decider.Decide(Given(), Session(["rule of law"]), Everything()), DomainErrorKind.NotFound, null);
        Refused(() => Decider.Decide(Given(), new ConcludeRound(Round, "2010-05-14", WeMet), Everything()), DomainErrorKind.NotFound, null);
    }

    [Fact]
    public void Given_a_held_round_when_a_session_is_recorded_then_its_topics_are_trimmed_and_named_once()
    {
        var command = Session([" religious freedom", "labor rights ", "freedom of expression", "rule of law", "racial discrimination", "multilateral cooperation", "rule of law"], " 2010-05-13 ");

        Assert.Equal(FirstDaySession.Topics, OnlyEvent<SessionHeld>(Decider.Decide(Given(WashingtonHeld), command, Everything())).Topics);
    }

    [Fact]
    public void A_session_has_at_least_one_topic()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), Session([]), Everything()), "topics");
    }

    [Fact]
    public void A_blank_topic_is_refused_naming_its_place()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), Session(["rule of law", " "]), Everything()), "topics[1]");
    }

    [Fact]
    public void A_session_has_at_most_30_topics()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), Session([.. Enumerable.Range(1, 31).Select(i => $"topic {i}")]), Everything()), "topics");
    }

    [Fact]
    public void A_topic_over_200_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), Session([Chars(201)]), Everything()), "topics[0]");
    }

    [Fact]
    public void A_session_date_is_EDTF()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), Session(["rule of law"], "yesterday"), Everything()), "date");
    }

    [Fact]
    public void Given_a_held_round_when_the_Supreme_Court_visit_is_recorded_then_host_topics_and_date_are_kept()
    {
        var command = new RecordSiteVisit(Round, " Supreme Court of the United States ", "Justice Sandra Day O’Connor", ["rule of law", "role of lawyers in society"], "2010-05-14", SupremeCourt);

        SameEvent(SupremeCourtVisited, OnlyEvent<SiteVisited>(Decider.Decide(Given(WashingtonHeld), command, Everything())));
    }

    [Fact]
    public void A_site_visit_has_a_place_and_a_topic()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), new RecordSiteVisit(Round, "", null, ["labor rights"], null, WeMet), Everything()), "place");
        Invalid(() => Decider.Decide(Given(WashingtonHeld), new RecordSiteVisit(Round, "Federal Mediation and Conciliation Service", null, [], null, WeMet), Everything()), "topics");
    }

    [Fact]
    public void Given_a_held_round_when_the_US_side_characterises_it_then_the_words_are_kept()
    {
        var command = new CharacteriseOutcome(Round, "us", " candid and constructive, including a range of areas where we disagree ", CandidAndConstructive);

        Assert.Equal(UsCharacterised, OnlyEvent<OutcomeCharacterised>(Decider.Decide(Given(WashingtonHeld), command, Everything())));
    }

    [Fact]
    public void A_characterisation_names_a_side_and_says_something()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), new CharacteriseOutcome(Round, "US", "candid", CandidAndConstructive), Everything()), "side");
        Invalid(() => Decider.Decide(Given(WashingtonHeld), new CharacteriseOutcome(Round, "us", " ", CandidAndConstructive), Everything()), "characterisation");
        Invalid(() => Decider.Decide(Given(WashingtonHeld), new CharacteriseOutcome(Round, "us", Chars(20_001), CandidAndConstructive), Everything()), "characterisation");
    }

    [Fact]
    public void Given_a_held_round_when_it_is_concluded_then_it_is_recorded()
    {
        Assert.Equal(WashingtonConcluded, OnlyEvent<RoundConcluded>(Decider.Decide(Given(WashingtonHeld), new ConcludeRound(Round, "2010-05-14", WeMet), Everything())));
    }

    [Fact]
    public void A_round_only_scheduled_cannot_be_concluded()
    {
        Refused(() => Decider.Decide(Given(WashingtonScheduled), new ConcludeRound(Round, "2010-05-14", WeMet), Everything()), DomainErrorKind.FailedPrecondition, "round_id");
    }

    [Fact]
    public void A_round_cannot_be_concluded_twice()
    {
        Refused(() => Decider.Decide(Given(WashingtonHeld, WashingtonConcluded), new ConcludeRound(Round, "2010-05-14", WeMet), Everything()), DomainErrorKind.FailedPrecondition, "round_id");
    }

    [Fact]
    public void Given_a_retracted_hold_when_the_round_is_held_again_then_it_is_recorded()
    {
        // The wrong "held" entry was retracted (views drop it), so the round has not been held: holding it must be possible.
        var history = Given(WashingtonScheduled, WashingtonHeld, new EntryRetracted(1, "RoundHeld", "Recorded in the wrong round's stream.", null));

        Assert.Equal(WashingtonHeld, OnlyEvent<RoundHeld>(Decider.Decide(history, Hold(), Everything())));
    }

    [Fact]
    public void A_bad_topic_after_a_repeated_one_is_named_by_its_place_in_the_command()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), Session(["rule of law", "rule of law", " "]), Everything()), "topics[2]");
    }

    [Fact]
    public void Given_a_retracted_leader_when_another_leader_is_named_then_it_is_recorded()
    {
        var history = Given(WashingtonHeld, ChenXuNamed, new EntryRetracted(1, "DelegationMemberNamed", "He did not lead.", null));

        Assert.True(OnlyEvent<DelegationMemberNamed>(Decider.Decide(history, ChenXu(), Everything())).Leads);
    }

    [Fact]
    public void Every_wrong_field_of_a_round_held_is_named()
    {
        Invalid(
            () => Decider.Decide(Given(), Hold(round: "2010 Washington", dates: "13-14 May 2010", ordinal: Chars(21), source: new Citation("State Dept")), Everything()),
            "round_id",
            "dates",
            "ordinal",
            "source.source_id");
    }

    [Fact]
    public void Every_wrong_field_of_a_delegation_member_is_named()
    {
        Invalid(() => Decider.Decide(Given(WashingtonHeld), ChenXu() with { Side = "China", Name = "", Agency = Chars(501) }, Everything()), "side", "name", "agency");
    }

    [Fact]
    public void Every_wrong_field_of_a_site_visit_is_named_and_every_wrong_topic()
    {
        var visit = new RecordSiteVisit(Round, "", null, [" ", "labor rights", Chars(201)], "yesterday", WeMet);

        Invalid(() => Decider.Decide(Given(WashingtonHeld), visit, Everything()), "place", "topics[0]", "topics[2]", "date");
    }
}
