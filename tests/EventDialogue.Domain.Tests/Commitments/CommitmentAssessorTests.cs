using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dates;
using static EventDialogue.Domain.Commitments.Assessment.CommitmentFact;

namespace EventDialogue.Domain.Tests.Commitments;

public sealed class CommitmentAssessorTests
{
    private static readonly Citation Source = new("source-one", "the words");
    private static readonly RecordCoverage ReviewedTo2012July = RecordCoverage.UpTo("2012-07");

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static CommitmentAssessment Assess(RecordCoverage coverage, string asOf, params CommitmentFact[] facts) =>
        CommitmentAssessor.Assess(facts, coverage, Day(asOf));

    [Fact]
    public void Given_a_window_that_ends_after_the_reviewed_record_when_nothing_is_recorded_then_it_is_unknown_not_overdue()
    {
        var assessment = Assess(ReviewedTo2012July, "2026-11-30", new Made("2012-05-04", "2012-05-04/2012-08", Source));

        Assert.Equal(CommitmentVerdict.Unknown, assessment.Verdict);
        Assert.Null(assessment.Late);
        Assert.Contains("no information after the window 2012-05-04/2012-08 ended on 2012-08-31 (reviewed up to 2012-07)", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_review_horizon_when_a_window_has_ended_in_silence_then_it_is_unknown()
    {
        var assessment = Assess(RecordCoverage.None, "2011-01-01", new Made("2010-05-14", "2010-05-14/2010-09", Source));

        Assert.Equal(CommitmentVerdict.Unknown, assessment.Verdict);
        Assert.Contains("no review horizon recorded", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_window_the_reviewed_record_covers_when_nothing_is_recorded_then_it_is_overdue_by_the_days_since_its_end()
    {
        var assessment = Assess(ReviewedTo2012July, "2010-10-10", new Made("2010-05-14", "2010-05-14/2010-09", Source));

        Assert.Equal(CommitmentVerdict.Overdue, assessment.Verdict);
        Assert.Equal(new DayRange(10, 10), assessment.Late);
        Assert.DoesNotContain("no information after", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_as_of_day_past_the_reviewed_record_when_a_covered_window_ended_in_silence_then_it_is_overdue_by_a_range_that_says_what_is_not_known()
    {
        var assessment = Assess(ReviewedTo2012July, "2012-08-10", new Made("2010-05-14", "2010-05-14/2012-07-21", Source));

        Assert.Equal(CommitmentVerdict.Overdue, assessment.Verdict);
        Assert.Equal(new DayRange(10, 20), assessment.Late);
        Assert.EndsWith("no information after 2012-07", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_as_of_day_before_a_fulfilment_when_assessed_then_the_fulfilment_is_left_out_and_named()
    {
        var kept = new Fulfilled("2011-04-28", Source);
        var assessment = Assess(ReviewedTo2012July, "2011-03-01", new Made("2010-05-14", "2010-05-14/2011-12", Source), kept);

        Assert.Equal(CommitmentVerdict.Pending, assessment.Verdict);
        var leftOut = Assert.Single(assessment.LeftOut);
        Assert.Same(kept, leftOut.Fact);
        Assert.Equal("fulfilled on 2011-04-28: after 2011-03-01", leftOut.Why);
        Assert.DoesNotContain(kept, assessment.Used);
    }

    [Fact]
    public void Given_a_fulfilment_dated_by_month_when_assessed_within_that_month_then_it_is_only_possibly_known_and_left_out()
    {
        var assessment = Assess(
            ReviewedTo2012July,
            "2011-06-15",
            new Made("2010-05-14", "2010-05-14/2011-05", Source),
            new Fulfilled("2011-06", Source));

        Assert.Equal(CommitmentVerdict.Overdue, assessment.Verdict);
        Assert.Equal("fulfilled on 2011-06: possibly after 2011-06-15", Assert.Single(assessment.LeftOut).Why);
    }

    [Fact]
    public void Given_a_fulfilment_dated_by_month_after_the_window_when_assessed_later_then_it_is_kept_late_by_a_range()
    {
        var assessment = Assess(
            ReviewedTo2012July,
            "2011-07-15",
            new Made("2010-05-14", "2010-05-14/2011-05", Source),
            new Fulfilled("2011-06", Source));

        Assert.Equal(CommitmentVerdict.KeptLate, assessment.Verdict);
        Assert.Equal(new DayRange(1, 30), assessment.Late);
        Assert.Contains("between 1 and 30 days late", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_fulfilment_whose_month_straddles_the_window_end_then_it_is_kept_possibly_late()
    {
        var assessment = Assess(
            ReviewedTo2012July,
            "2011-07-15",
            new Made("2010-05-14", "2010-05-14/2011-06-10", Source),
            new Fulfilled("2011-06", Source));

        Assert.Equal(CommitmentVerdict.KeptPossiblyLate, assessment.Verdict);
        Assert.Equal(new DayRange(0, 20), assessment.Late);
    }

    [Fact]
    public void Given_a_month_window_when_kept_in_that_month_then_it_is_kept_on_time()
    {
        var assessment = Assess(ReviewedTo2012July, "2011-07-15", new Made("2010-05-14", "2011-06", Source), new Fulfilled("2011-06", Source));

        Assert.Equal(CommitmentVerdict.Kept, assessment.Verdict);
        Assert.Null(assessment.Late);
    }

    [Fact]
    public void Given_a_fulfilment_on_a_day_after_the_window_then_it_is_kept_late_by_exactly_the_days()
    {
        var assessment = Assess(ReviewedTo2012July, "2012-01-01", new Made("2010-05-14", "2011", Source), new Fulfilled("2012-01-01", Source));

        Assert.Equal(CommitmentVerdict.KeptLate, assessment.Verdict);
        Assert.Equal(new DayRange(1, 1), assessment.Late);
        Assert.Contains(": 1 day late", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_window_with_no_end_then_silence_is_pending_and_a_fulfilment_is_kept()
    {
        var made = new Made("2010-05-14", "2010-05/..", Source);

        Assert.Equal(CommitmentVerdict.Pending, Assess(ReviewedTo2012July, "2026-11-30", made).Verdict);
        Assert.Equal(CommitmentVerdict.Kept, Assess(ReviewedTo2012July, "2026-11-30", made, new Fulfilled("2020", Source)).Verdict);
    }

    [Fact]
    public void Given_a_window_whose_end_is_unknown_when_nothing_is_recorded_then_it_is_unknown()
    {
        var assessment = Assess(ReviewedTo2012July, "2026-11-30", new Made("2010-05-14", "2010-05/", Source));

        Assert.Equal(CommitmentVerdict.Unknown, assessment.Verdict);
        Assert.Contains("gives no end", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_known_rescheduling_then_the_new_window_is_in_force()
    {
        var assessment = Assess(
            ReviewedTo2012July,
            "2011-01-15",
            new Made("2010-05-14", "2010-05-14/2010-09", Source),
            new Rescheduled("2010-09-20", "2011-06", Source));

        Assert.Equal(CommitmentVerdict.Pending, assessment.Verdict);
        Assert.Equal("2011-06", assessment.Window.ToString());
    }

    [Fact]
    public void Given_a_rescheduling_only_possibly_known_then_the_old_window_stays_in_force_and_the_rescheduling_is_named()
    {
        var assessment = Assess(
            ReviewedTo2012July,
            "2010-10-15",
            new Made("2010-05-14", "2010-05-14/2010-09", Source),
            new Rescheduled("2010-10", "2011-06", Source));

        Assert.Equal(CommitmentVerdict.Overdue, assessment.Verdict);
        Assert.Equal("2010-05-14/2010-09", assessment.Window.ToString());
        Assert.Equal("rescheduled on 2010-10 to 2011-06: possibly after 2010-10-15", Assert.Single(assessment.LeftOut).Why);
    }

    [Fact]
    public void Given_a_commitment_made_after_the_as_of_day_then_it_is_not_yet_made()
    {
        var assessment = Assess(ReviewedTo2012July, "2010-05-13", new Made("2010-05-14", "2010-09", Source));

        Assert.Equal(CommitmentVerdict.NotYetMade, assessment.Verdict);
        Assert.Empty(assessment.Used);
    }

    [Fact]
    public void Given_a_withdrawal_and_a_fulfilment_then_the_withdrawal_decides()
    {
        var assessment = Assess(
            ReviewedTo2012July,
            "2012-01-01",
            new Made("2010-05-14", "2011", Source),
            new Withdrawn("2010-12-01", Source),
            new Fulfilled("2011-03-01", Source));

        Assert.Equal(CommitmentVerdict.Withdrawn, assessment.Verdict);
        Assert.Equal(3, assessment.Used.Count);
    }

    [Fact]
    public void Given_a_declaration_that_it_was_broken_then_it_is_broken_whatever_the_window()
    {
        var assessment = Assess(ReviewedTo2012July, "2010-06-01", new Made("2010-05-14", "2011", Source), new DeclaredBroken("2010-05-30", Source));

        Assert.Equal(CommitmentVerdict.Broken, assessment.Verdict);
        Assert.Equal("declared broken on 2010-05-30", assessment.Reason);
    }

    [Fact]
    public void Facts_with_no_making_are_not_a_commitment()
    {
        Assert.Throws<ArgumentException>(() => Assess(ReviewedTo2012July, "2012-01-01", new Fulfilled("2011", Source)));
    }

    [Theory]
    [InlineData("2011-04", "2011-04-15", Knowledge.Possible)]
    [InlineData("2011-04", "2011-04-30", Knowledge.Known)]
    [InlineData("2011-04", "2011-03-31", Knowledge.NotYet)]
    [InlineData("../2011", "2010-01-01", Knowledge.Possible)]
    [InlineData("2011/..", "2030-01-01", Knowledge.Possible)]
    [InlineData("2011-04-28", "2011-04-28", Knowledge.Known)]
    public void A_fact_is_known_by_a_day_only_when_every_day_its_date_can_mean_is_on_or_before_it(string on, string asOf, Knowledge expected)
    {
        Assert.Equal(expected, KnowledgeAsOf.Of(EdtfDate.Parse(on), Day(asOf)));
    }

    [Fact]
    public void A_kind_of_commitment_round_trips_by_its_stable_name_and_an_unknown_one_is_refused_naming_the_field()
    {
        foreach (var kind in Enum.GetValues<CommitmentKind>())
        {
            Assert.Equal(kind, CommitmentKinds.Parse(kind.Name(), "kind"));
        }

        var refused = Assert.Throws<DomainException>(() => CommitmentKinds.Parse("promise", "commitment.kind"));
        Assert.Equal("commitment.kind", refused.Field);
        Assert.Contains("'promise' is not a kind of commitment", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_verdict_has_a_distinct_stable_name()
    {
        var names = CommitmentVerdicts.All.Select(v => v.Name()).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("kept-possibly-late", names);
    }
}
