using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

public sealed class DialogueDeciderTests
{
    private static readonly DialogueDecider Decider = new();

    private static DialogueState Given(params IDomainEvent[] history) => Decider.Given(history);

    private static EstablishDialogue LegalExperts(
        string id = LegalExpertsDialogue,
        string name = "U.S.–China Legal Experts Dialogue",
        IReadOnlyList<string>? parties = null,
        string? established = null,
        string? cadence = null,
        string? parent = HumanRightsDialogue,
        Citation? source = null) =>
        new(id, name, parties ?? ["us", "cn"], established, cadence, parent, source ?? LegalExpertsAgreed);

    [Fact]
    public void Given_no_history_when_the_legal_experts_dialogue_is_established_then_it_is_recorded_with_its_parent_and_source()
    {
        var decided = Decider.Decide(Given(), LegalExperts(), Everything());

        var established = OnlyEvent<DialogueEstablished>(decided);
        Assert.Equal(LegalExpertsDialogue, established.DialogueId);
        Assert.Equal("U.S.–China Legal Experts Dialogue", established.Name);
        Assert.Equal(["us", "cn"], established.Parties);
        Assert.Equal(HumanRightsDialogue, established.ParentDialogueId);
        Assert.Equal(LegalExpertsAgreed, established.Source);
        Assert.Null(established.Established);
        Assert.Null(established.Cadence);
    }

    [Fact]
    public void Texts_are_trimmed_dates_normalised_and_parties_named_once()
    {
        var command = LegalExperts(
            name: "  U.S.–China Legal Experts Dialogue \n",
            parties: [" us", "cn ", "us"],
            established: " 2010~ ",
            cadence: "  as agreed  ",
            source: new Citation(" " + Briefing + " ", "  we agreed to set the dates  ", "   "));

        var established = OnlyEvent<DialogueEstablished>(Decider.Decide(Given(), command, Everything()));

        Assert.Equal("U.S.–China Legal Experts Dialogue", established.Name);
        Assert.Equal(["us", "cn"], established.Parties);
        Assert.Equal("2010~", established.Established);
        Assert.Equal("as agreed", established.Cadence);
        Assert.Equal(new Citation(Briefing, "we agreed to set the dates", null), established.Source);
    }

    [Fact]
    public void A_dialogue_with_no_parent_and_no_source_needs_no_other_stream()
    {
        var command = LegalExperts(id: HumanRightsDialogue, name: "U.S.–China Human Rights Dialogue", parent: null) with { Source = null };

        var established = OnlyEvent<DialogueEstablished>(Decider.Decide(Given(), command, Known()));

        Assert.Null(established.ParentDialogueId);
        Assert.Null(established.Source);
    }

    [Fact]
    public void A_dialogue_cannot_be_established_twice()
    {
        Refused(() => Decider.Decide(Given(LegalExpertsDialogueEstablished), LegalExperts(), Everything()), DomainErrorKind.AlreadyExists, "dialogue_id");
    }

    [Fact]
    public void The_parent_dialogue_must_exist()
    {
        var refusal = Refused(
            () => Decider.Decide(Given(), LegalExperts(), EverythingBut(Streams.Dialogue(HumanRightsDialogue))),
            DomainErrorKind.NotFound,
            "parent_dialogue_id");

        Assert.Contains($"dialogue '{HumanRightsDialogue}' does not exist", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cited_source_must_exist()
    {
        var refusal = Refused(() => Decider.Decide(Given(), LegalExperts(), EverythingBut(Streams.Source(Briefing))), DomainErrorKind.NotFound, "source.source_id");

        Assert.Contains($"source '{Briefing}' does not exist", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_dialogue_needs_a_name(string name)
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(name: name), Everything()), "name");
    }

    [Fact]
    public void A_name_over_500_characters_is_refused_with_the_limit_in_the_message()
    {
        var refusal = Invalid(() => Decider.Decide(Given(), LegalExperts(name: Chars(501)), Everything()), "name");

        Assert.Equal("is at most 500 characters; this one has 501", refusal.Message);
    }

    [Fact]
    public void A_name_of_exactly_500_characters_is_accepted()
    {
        Assert.Equal(500, OnlyEvent<DialogueEstablished>(Decider.Decide(Given(), LegalExperts(name: Chars(500)), Everything())).Name.Length);
    }

    [Theory]
    [InlineData("US-China")]
    [InlineData("us china")]
    [InlineData("-us-china")]
    [InlineData("us/china")]
    [InlineData("")]
    public void A_dialogue_id_is_a_lower_case_slug(string id)
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(id: id), Everything()), "dialogue_id");
    }

    [Fact]
    public void A_parent_dialogue_id_is_a_slug_too()
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(parent: "Human Rights"), Everything()), "parent_dialogue_id");
    }

    [Fact]
    public void A_dialogue_needs_at_least_one_party()
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(parties: []), Everything()), "parties");
    }

    [Fact]
    public void A_dialogue_has_at_most_ten_parties()
    {
        var parties = Enumerable.Range(1, 11).Select(i => $"party-{i}").ToList();

        var refusal = Invalid(() => Decider.Decide(Given(), LegalExperts(parties: parties), Everything()), "parties");

        Assert.Contains("at most 10", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_party_is_a_short_lower_case_code()
    {
        var refusal = Invalid(() => Decider.Decide(Given(), LegalExperts(parties: ["us", "U.S."]), Everything()), "parties[1]");

        Assert.Contains("'U.S.' is not a party code", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_party_is_refused_naming_its_place_in_the_list()
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(parties: ["us", "cn", " "]), Everything()), "parties[2]");
    }

    [Fact]
    public void A_bad_party_after_a_repeated_one_is_named_by_its_place_in_the_command()
    {
        // "US" is the third entry of the command: the error must point at parties[2], not at its place after duplicates are dropped.
        Invalid(() => Decider.Decide(Given(), LegalExperts(parties: ["us", "us", "US"]), Everything()), "parties[2]");
    }

    [Fact]
    public void The_date_it_was_established_is_EDTF()
    {
        var refusal = Invalid(() => Decider.Decide(Given(), LegalExperts(established: "May 2010"), Everything()), "established");

        Assert.Contains("'May 2010' is not an EDTF date", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cadence_over_200_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(cadence: Chars(201)), Everything()), "cadence");
    }

    [Fact]
    public void A_citation_quote_over_5000_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(source: Briefed(Chars(5_001))), Everything()), "source.quote");
    }

    [Fact]
    public void A_cited_source_id_is_a_slug()
    {
        Invalid(() => Decider.Decide(Given(), LegalExperts(source: new Citation("State Dept")), Everything()), "source.source_id");
    }

    [Fact]
    public void Every_wrong_field_of_a_dialogue_is_named_in_the_order_of_the_command()
    {
        Invalid(
            () => Decider.Decide(Given(), LegalExperts(name: " ", parties: ["US", "cn", "U.S."], established: "May 2010", source: new Citation("State Dept")), Everything()),
            "name",
            "parties[0]",
            "parties[2]",
            "established",
            "source.source_id");
    }
}
