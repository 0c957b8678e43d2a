using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Statements;
using EventDialogue.Server.History.Entries;

namespace EventDialogue.Server.Tests.History;

/// <summary>What each event of a stream changed, field by field, worked out from the domain events alone.</summary>
public sealed class EntryStoryTests
{
    private static readonly StatementRecorded Misquoted = new(
        "posner-tough", "Michael H. Posner", null, "us", "press-conference", "2010-05-14", null, "It was a tough set of talks", true, ["tone"], null, "2010-washington", new Citation("cnn-2011", "tough set of talks"));

    private static readonly StatementRecorded Fixed = Misquoted with
    {
        Text = "It was a tough set of discussions",
        Topics = ["tone", "candour"],
        Place = "Beijing",
        Source = new Citation("cnn-2011", "tough set of discussions"),
    };

    [Fact]
    public void Given_a_recorded_statement_then_its_step_sets_every_field_it_holds_with_no_before_and_leaves_out_the_unset_ones()
    {
        var changes = Assert.Single(EntryStory.Changes([Misquoted]));

        Assert.All(changes, c => Assert.Null(c.Before));
        Assert.Contains(new EntryFieldChange("text", null, "\"It was a tough set of talks\""), changes);
        Assert.Contains(new EntryFieldChange("source.quote", null, "\"tough set of talks\""), changes);
        Assert.Contains(new EntryFieldChange("topics", null, "[\"tone\"]"), changes);
        Assert.Contains(new EntryFieldChange("exact", null, "true"), changes);
        Assert.DoesNotContain(changes, c => c.Field is "place" or "speaker_title" or "source.locator" or "source");
    }

    [Fact]
    public void Given_a_correction_then_only_the_fields_that_differ_change_from_the_original_to_the_replacement()
    {
        var correction = new EntryCorrected(0, "StatementRecorded", Fixed, "misquoted", null);

        var changes = EntryStory.Changes([Misquoted, correction])[1];

        Assert.Equal(
            [
                new EntryFieldChange("place", null, "\"Beijing\""),
                new EntryFieldChange("text", "\"It was a tough set of talks\"", "\"It was a tough set of discussions\""),
                new EntryFieldChange("topics", "[\"tone\"]", "[\"tone\",\"candour\"]"),
                new EntryFieldChange("source.quote", "\"tough set of talks\"", "\"tough set of discussions\""),
            ],
            changes);
    }

    [Fact]
    public void Given_a_second_correction_of_the_same_entry_then_its_before_is_the_first_correction_not_the_original()
    {
        var second = Fixed with { Text = "It was a tough set of discussions, he said" };

        var changes = EntryStory.Changes([Misquoted, new EntryCorrected(0, "StatementRecorded", Fixed, "misquoted", null), new EntryCorrected(0, "StatementRecorded", second, "cut short", null)])[2];

        var change = Assert.Single(changes);
        Assert.Equal(new EntryFieldChange("text", "\"It was a tough set of discussions\"", "\"It was a tough set of discussions, he said\""), change);
    }

    [Fact]
    public void Given_a_retraction_after_a_correction_then_it_takes_away_the_corrected_fields_with_no_after_and_the_stream_is_retracted()
    {
        IDomainEvent?[] facts = [Misquoted, new EntryCorrected(0, "StatementRecorded", Fixed, "misquoted", null), new EntryRetracted(0, "StatementRecorded", "never said", null)];

        var changes = EntryStory.Changes(facts)[2];

        Assert.All(changes, c => Assert.Null(c.After));
        Assert.Contains(new EntryFieldChange("text", "\"It was a tough set of discussions\"", null), changes);
        Assert.Contains(new EntryFieldChange("place", "\"Beijing\"", null), changes);
        Assert.True(EntryStory.IsRetracted(facts));
        Assert.False(EntryStory.IsRetracted(facts[..2]));
    }

    [Fact]
    public void Given_a_correction_that_changes_nothing_or_an_event_that_cannot_be_read_then_their_steps_change_nothing()
    {
        var changes = EntryStory.Changes([Misquoted, new EntryCorrected(0, "StatementRecorded", Misquoted, "checked again", null), null]);

        Assert.Equal(3, changes.Count);
        Assert.Empty(changes[1]);
        Assert.Empty(changes[2]);
    }
}
