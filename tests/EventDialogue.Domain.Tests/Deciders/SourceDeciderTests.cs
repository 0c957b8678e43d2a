using EventDialogue.Domain.Common;
using EventDialogue.Domain.Sources;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

public sealed class SourceDeciderTests
{
    private static readonly SourceDecider Decider = new();

    private static SourceState Given(params IDomainEvent[] history) => Decider.Given(history);

    private static RegisterSource PosnerBriefing(
        string id = Briefing,
        string title = "Briefing by Michael H. Posner on the U.S. – China Human Rights Dialogue",
        string kind = "transcript",
        string? publisher = "U.S. Department of State",
        string? published = "2010-05-17",
        string? address = "sources/001_2aa69b759fea1df3.txt",
        string? reliability = "A") =>
        new(id, title, kind, publisher, published, address, reliability);

    [Fact]
    public void Given_no_history_when_Posners_briefing_is_registered_then_it_is_recorded_as_given()
    {
        var registered = OnlyEvent<SourceRegistered>(Decider.Decide(Given(), PosnerBriefing(), Known()));

        Assert.Equal(BriefingRegistered, registered);
    }

    [Fact]
    public void Texts_are_trimmed_the_kind_lower_cased_and_the_grade_upper_cased()
    {
        var command = PosnerBriefing(
            title: "  Briefing by Michael H. Posner on the U.S. – China Human Rights Dialogue  ",
            kind: " Transcript ",
            publisher: " U.S. Department of State ",
            published: " 2010-05-17 ",
            address: "  sources/001_2aa69b759fea1df3.txt ",
            reliability: " a ");

        Assert.Equal(BriefingRegistered, OnlyEvent<SourceRegistered>(Decider.Decide(Given(), command, Known())));
    }

    [Fact]
    public void The_optional_facts_about_a_source_may_be_left_out()
    {
        var registered = OnlyEvent<SourceRegistered>(Decider.Decide(Given(), PosnerBriefing(publisher: null, published: " ", address: null, reliability: ""), Known()));

        Assert.Equal(new SourceRegistered(Briefing, BriefingRegistered.Title, null, null, "transcript", null, null), registered);
    }

    [Fact]
    public void A_source_cannot_be_registered_twice()
    {
        Refused(() => Decider.Decide(Given(BriefingRegistered), PosnerBriefing(), Known()), DomainErrorKind.AlreadyExists, "source_id");
    }

    [Fact]
    public void A_source_needs_a_title()
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(title: " "), Known()), "title");
    }

    [Fact]
    public void A_title_over_500_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(title: Chars(501)), Known()), "title");
    }

    [Fact]
    public void The_kind_of_source_comes_from_a_fixed_vocabulary()
    {
        var refusal = Invalid(() => Decider.Decide(Given(), PosnerBriefing(kind: "blog-post"), Known()), "kind");

        Assert.Contains("'blog-post' is not one of: document, transcript", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("G")]
    [InlineData("1")]
    public void A_reliability_grade_is_a_letter_from_A_to_F(string grade)
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(reliability: grade), Known()), "reliability");
    }

    [Fact]
    public void A_reliability_grade_is_one_letter()
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(reliability: "AB"), Known()), "reliability");
    }

    [Fact]
    public void The_publication_date_is_EDTF()
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(published: "17 May 2010"), Known()), "published");
    }

    [Fact]
    public void A_publication_date_may_be_vague()
    {
        Assert.Equal("2010-05", OnlyEvent<SourceRegistered>(Decider.Decide(Given(), PosnerBriefing(published: "2010-05"), Known())).Published);
    }

    [Fact]
    public void An_address_over_2000_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(address: "https://" + Chars(1_993)), Known()), "address");
    }

    [Fact]
    public void A_publisher_over_200_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(publisher: Chars(201)), Known()), "publisher");
    }

    [Theory]
    [InlineData("State Briefing")]
    [InlineData("")]
    public void A_source_id_is_a_slug(string id)
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(id: id), Known()), "source_id");
    }

    [Fact]
    public void Every_wrong_field_of_a_source_is_named_in_the_order_of_the_command()
    {
        Invalid(() => Decider.Decide(Given(), PosnerBriefing(id: "State Dept", title: "", kind: "blog-post", reliability: "G"), Known()), "source_id", "title", "kind", "reliability");
    }
}
