using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

public sealed class CommitmentDeciderTests
{
    private static readonly CommitmentDecider Decider = new();

    private static readonly CommitmentWithdrawn Withdrawn = LegalExpertsWithdrawn;

    private static readonly CommitmentFulfilled Fulfilled = new("2010-07~", "A session of the legal experts dialogue was held.", null, LegalExpertsAgreed);

    private static CommitmentState Given(params IDomainEvent[] history) => Decider.Given(history);

    private static MakeCommitment LegalExpertsDialogueInTheNextFewMonths(string madeOn = "2010-05-14", string due = "2010-05-14/2010-09") => new(
        LegalExpertsCommitment,
        ["us", "cn"],
        "we agreed to set the dates and agenda to restart those discussions soon",
        "Hold a session of the legal experts dialogue",
        madeOn,
        due,
        "“in the next few months”, said on 2010-05-14: to the end of the fourth month after",
        Round,
        LegalExpertsAgreed);

    private static FulfilCommitment Fulfil(string on = "2010-07~", string? evidenceStream = null) =>
        new(LegalExpertsCommitment, on, "A session of the legal experts dialogue was held.", evidenceStream, LegalExpertsAgreed);

    private static ReaffirmCommitment Reaffirm(string on = "2010-05-14") => new(LegalExpertsCommitment, ["us"], on, BenchmarkWords, Benchmark);

    private static RescheduleCommitment Reschedule(string due = "2010-05-14/2010-12", string on = "2010-09") =>
        new(LegalExpertsCommitment, due, "pushed to the end of the year", on, LegalExpertsAgreed);

    private static ReportCommitmentProgress Progress(string on = "2010-06") => new(LegalExpertsCommitment, on, "Dates under discussion.", LegalExpertsAgreed);

    private static DeclareCommitmentBroken Broken(string on = "2010-10") =>
        new(LegalExpertsCommitment, on, "us", "No session of the legal experts dialogue was held by the end of September 2010.", LegalExpertsAgreed);

    private static WithdrawCommitment Withdraw(string on = "2010-06~") =>
        new(LegalExpertsCommitment, on, "cn", "The Chinese side asked to fold the legal experts talks into the next round.", LegalExpertsAgreed);

    /// <summary>Every command that follows the making of a commitment, dated <paramref name="on"/>.</summary>
    private static IEnumerable<CommitmentCommand> FollowUps(string on) =>
        [Reaffirm(on), Reschedule(on: on), Progress(on), Fulfil(on), Broken(on), Withdraw(on)];

    private static IEnumerable<CommitmentCommand> EverythingAfterTheMaking => FollowUps("2010-06");

    [Fact]
    public void Given_no_history_when_the_legal_experts_dialogue_is_promised_for_the_next_few_months_then_the_window_is_an_interval()
    {
        var made = OnlyEvent<CommitmentMade>(Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(), Everything()));

        Assert.Equal("2010-05-14/2010-09", made.Due);
        Assert.Equal("2010-05-14", made.MadeOn);
        Assert.Equal(["us", "cn"], made.MadeBy);
        Assert.Equal(
            (LegalExpertsPromised.CommitmentId, LegalExpertsPromised.Words, LegalExpertsPromised.Action, LegalExpertsPromised.DueRule, LegalExpertsPromised.RoundId, LegalExpertsPromised.Source),
            (made.CommitmentId, made.Words, made.Action, made.DueRule, made.RoundId, made.Source));
    }

    [Fact]
    public void Texts_are_trimmed_and_dates_normalised()
    {
        var command = LegalExpertsDialogueInTheNextFewMonths(madeOn: " 2010-05-14 ", due: " 2010-05-14/2010-09 ") with
        {
            MadeBy = [" us ", "cn", "us"],
            Words = $"  {LegalExpertsPromised.Words}  ",
            Action = $" {LegalExpertsPromised.Action}\t",
            DueRule = $" {LegalExpertsPromised.DueRule} ",
        };

        var made = OnlyEvent<CommitmentMade>(Decider.Decide(Given(), command, Everything()));

        Assert.Equal(
            (LegalExpertsPromised.Words, LegalExpertsPromised.Action, LegalExpertsPromised.MadeOn, LegalExpertsPromised.Due, LegalExpertsPromised.DueRule),
            (made.Words, made.Action, made.MadeOn, made.Due, made.DueRule));
        Assert.Equal(["us", "cn"], made.MadeBy);
    }

    [Fact]
    public void A_commitment_with_an_open_ended_window_is_recorded()
    {
        Assert.Equal("2010-05/..", OnlyEvent<CommitmentMade>(Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(due: "2010-05/.."), Everything())).Due);
    }

    [Fact]
    public void A_commitment_cannot_be_made_twice()
    {
        Refused(() => Decider.Decide(Given(LegalExpertsPromised), LegalExpertsDialogueInTheNextFewMonths(), Everything()), DomainErrorKind.AlreadyExists, "commitment_id");
    }

    [Theory]
    [InlineData("2010-04")]
    [InlineData("2010-05-13")]
    [InlineData("2009/2010-05-13")]
    public void A_due_window_ending_before_the_commitment_was_made_is_invalid(string due)
    {
        var refusal = Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(due: due), Everything()), "due");

        Assert.Contains("ends before the commitment was made (2010-05-14)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_due_window_ending_on_the_day_it_was_made_is_accepted()
    {
        Assert.Single(Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(due: "2010-05-14"), Everything()));
    }

    [Fact]
    public void A_commitment_is_made_in_a_round_that_exists()
    {
        Refused(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(), EverythingBut(Streams.Round(Round))), DomainErrorKind.NotFound, "round_id");
    }

    [Fact]
    public void A_commitment_cites_a_source_that_exists()
    {
        Refused(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(), EverythingBut(Streams.Source(Briefing))), DomainErrorKind.NotFound, "source.source_id");
    }

    [Fact]
    public void Making_a_commitment_is_validated_field_by_field()
    {
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(madeOn: "14/05/2010"), Everything()), "made_on");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(due: ""), Everything()), "due");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(due: "in the next few months"), Everything()), "due");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { MadeBy = [] }, Everything()), "made_by");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { MadeBy = ["us", "P.R.C."] }, Everything()), "made_by[1]");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { Words = " " }, Everything()), "words");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { Action = "" }, Everything()), "action");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { Action = Chars(501) }, Everything()), "action");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { DueRule = " " }, Everything()), "due_rule");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { RoundId = "2010 Washington" }, Everything()), "round_id");
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { CommitmentId = "Legal Experts" }, Everything()), "commitment_id");
    }

    [Fact]
    public void Nothing_can_happen_to_a_commitment_that_was_never_made()
    {
        foreach (var command in EverythingAfterTheMaking)
        {
            Refused(() => Decider.Decide(Given(), command, Everything()), DomainErrorKind.NotFound, null);
        }
    }

    [Fact]
    public void Given_a_commitment_when_it_is_reaffirmed_then_who_when_and_the_words_are_kept()
    {
        var reaffirmed = OnlyEvent<CommitmentReaffirmed>(Decider.Decide(Given(LegalExpertsPromised), Reaffirm(), Everything()));

        Assert.Equal(["us"], reaffirmed.By);
        Assert.Equal(("2010-05-14", BenchmarkWords, Benchmark), (reaffirmed.On, reaffirmed.Words, reaffirmed.Source));
    }

    [Fact]
    public void Given_a_commitment_when_it_is_rescheduled_then_the_new_window_and_its_rule_are_kept()
    {
        Assert.Equal(
            new CommitmentRescheduled("2010-05-14/2010-12", "pushed to the end of the year", "2010-09", LegalExpertsAgreed),
            OnlyEvent<CommitmentRescheduled>(Decider.Decide(Given(LegalExpertsPromised), Reschedule(), Everything())));
    }

    [Fact]
    public void A_rescheduled_window_is_EDTF_with_a_rule()
    {
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Reschedule(due: "by Christmas"), Everything()), "due");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Reschedule() with { DueRule = "" }, Everything()), "due_rule");
    }

    [Fact]
    public void A_rescheduled_window_cannot_end_before_the_commitment_was_made()
    {
        // The rule that refuses such a window when the commitment is made must hold when it is rescheduled too.
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Reschedule(due: "2009"), Everything()), "due");
    }

    [Fact]
    public void Given_a_commitment_when_progress_is_reported_then_it_is_recorded()
    {
        Assert.Equal(
            new CommitmentProgressReported("2010-06", "Dates under discussion.", LegalExpertsAgreed),
            OnlyEvent<CommitmentProgressReported>(Decider.Decide(Given(LegalExpertsPromised), Progress(" 2010-06 "), Everything())));
    }

    [Fact]
    public void Progress_says_what_progress()
    {
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Progress() with { Detail = " " }, Everything()), "detail");
    }

    [Fact]
    public void Given_a_commitment_when_it_is_fulfilled_with_evidence_then_the_evidence_and_its_stream_are_kept()
    {
        var fulfilled = OnlyEvent<CommitmentFulfilled>(
            Decider.Decide(Given(NextRoundPromised), new FulfilCommitment(NextRoundCommitment, "2011-04", " The 16th round was held in Beijing in April 2011. ", Streams.Round(NextRound), SixteenthMeeting), Everything()));

        Assert.Equal(NextRoundHeld, fulfilled);
    }

    [Fact]
    public void Fulfilment_evidence_names_a_stream_that_exists()
    {
        var refusal = Refused(() => Decider.Decide(Given(LegalExpertsPromised), Fulfil(evidenceStream: "round-2010-geneva"), Everything()), DomainErrorKind.NotFound, "evidence_stream");

        Assert.Contains("stream 'round-2010-geneva' does not exist", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fulfilment_says_what_shows_it()
    {
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Fulfil() with { Evidence = "" }, Everything()), "evidence");
    }

    [Fact]
    public void A_commitment_cannot_be_fulfilled_twice()
    {
        var refusal = Refused(() => Decider.Decide(Given(LegalExpertsPromised, Fulfilled), Fulfil(), Everything()), DomainErrorKind.FailedPrecondition, "commitment_id");

        Assert.Contains("already fulfilled", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_can_be_fulfilled_after_it_was_withdrawn()
    {
        var refusal = Refused(() => Decider.Decide(Given(LegalExpertsPromised, Withdrawn), Fulfil(), Everything()), DomainErrorKind.FailedPrecondition, "commitment_id");

        Assert.Contains("was withdrawn", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_at_all_can_happen_to_a_withdrawn_commitment()
    {
        foreach (var command in EverythingAfterTheMaking)
        {
            Refused(() => Decider.Decide(Given(LegalExpertsPromised, Withdrawn), command, Everything()), DomainErrorKind.FailedPrecondition, "commitment_id");
        }
    }

    [Fact]
    public void A_fulfilled_commitment_can_no_longer_be_rescheduled_progressed_declared_broken_or_withdrawn()
    {
        foreach (var command in new CommitmentCommand[] { Reschedule(), Progress(), Broken(), Withdraw() })
        {
            var refusal = Refused(() => Decider.Decide(Given(LegalExpertsPromised, Fulfilled), command, Everything()), DomainErrorKind.FailedPrecondition, "commitment_id");
            Assert.Contains("is fulfilled", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_commitment_declared_broken_can_still_be_kept_late()
    {
        Assert.Single(Decider.Decide(Given(LegalExpertsPromised, LegalExpertsDeclaredBroken), Fulfil(on: "2011-01"), Everything()));
    }

    [Fact]
    public void Events_dated_before_the_commitment_was_made_are_invalid()
    {
        foreach (var command in FollowUps("2010-05-13"))
        {
            var refusal = Invalid(() => Decider.Decide(Given(LegalExpertsPromised), command, Everything()), "on");
            Assert.Contains("2010-05-13 is before the commitment was made (2010-05-14)", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Events_dated_vaguely_around_the_day_it_was_made_are_accepted()
    {
        foreach (var command in FollowUps("2010-05"))
        {
            Assert.Single(Decider.Decide(Given(LegalExpertsPromised), command, Everything()));
        }
    }

    [Fact]
    public void The_day_an_event_happened_is_EDTF()
    {
        foreach (var command in FollowUps("the next day"))
        {
            Invalid(() => Decider.Decide(Given(LegalExpertsPromised), command, Everything()), "on");
        }
    }

    [Fact]
    public void Given_a_commitment_when_the_US_declares_it_broken_then_who_and_why_are_kept()
    {
        Assert.Equal(LegalExpertsDeclaredBroken, OnlyEvent<CommitmentDeclaredBroken>(Decider.Decide(Given(LegalExpertsPromised), Broken(), Everything())));
    }

    [Fact]
    public void Declaring_a_commitment_broken_names_a_side_and_a_reason()
    {
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Broken() with { DeclaredBy = "U.S." }, Everything()), "declared_by");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Broken() with { Reason = "" }, Everything()), "reason");
    }

    [Fact]
    public void Given_a_commitment_when_it_is_withdrawn_then_who_and_why_are_kept()
    {
        Assert.Equal(LegalExpertsWithdrawn, OnlyEvent<CommitmentWithdrawn>(Decider.Decide(Given(LegalExpertsPromised), Withdraw(), Everything())));
    }

    [Fact]
    public void Withdrawing_a_commitment_names_a_side_and_a_reason()
    {
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Withdraw() with { WithdrawnBy = "" }, Everything()), "withdrawn_by");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Withdraw() with { Reason = Chars(20_001) }, Everything()), "reason");
    }

    [Fact]
    public void Reaffirming_names_who_reaffirmed()
    {
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Reaffirm() with { By = [] }, Everything()), "by");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Reaffirm() with { By = ["US"] }, Everything()), "by[0]");
    }

    [Fact]
    public void Given_a_withdrawal_that_was_retracted_when_the_commitment_is_fulfilled_then_it_is_recorded()
    {
        // "correct the withdrawal if it was wrong", says the refusal: once the withdrawal is retracted, the commitment is open again.
        var history = Given(LegalExpertsPromised, Withdrawn, new EntryRetracted(1, "CommitmentWithdrawn", "The withdrawal was misreported.", null));

        Assert.Single(Decider.Decide(history, Fulfil(), Everything()));
    }

    [Fact]
    public void Given_a_correction_of_the_day_it_was_made_then_events_are_dated_against_the_corrected_day()
    {
        // Made on 2010-05-14 by mistake; corrected to 2010-06-01. Progress on 2010-05-20 is then before it was made.
        var history = Given(
            LegalExpertsPromised,
            new EntryCorrected(0, "CommitmentMade", LegalExpertsPromised with { MadeOn = "2010-06-01", Due = "2010-06-01/2010-09" }, "The promise was made at a later meeting.", null));

        Invalid(() => Decider.Decide(history, Progress("2010-05-20"), Everything()), "on");
    }

    [Fact]
    public void A_bad_party_after_a_repeated_one_is_named_by_its_place_in_the_command()
    {
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths() with { MadeBy = ["us", "us", "US"] }, Everything()), "made_by[2]");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Reaffirm() with { By = ["us", "us", "US"] }, Everything()), "by[2]");
    }

    [Fact]
    public void A_rescheduled_window_is_checked_against_the_corrected_day_it_was_made()
    {
        var history = Given(
            LegalExpertsPromised,
            new EntryCorrected(0, "CommitmentMade", LegalExpertsPromised with { MadeOn = "2010-06-01", Due = "2010-06-01/2010-09" }, "The promise was made at a later meeting.", null));

        Invalid(() => Decider.Decide(history, Reschedule(due: "2010-05"), Everything()), "due");
        Assert.Single(Decider.Decide(history, Reschedule(due: "2010-06/.."), Everything()));
    }

    [Fact]
    public void A_commitment_made_on_no_real_day_and_due_next_year_is_refused_for_both()
    {
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(madeOn: "2010-13-45", due: "next year"), Everything()), "made_on", "due");
    }

    [Fact]
    public void Every_wrong_field_of_a_commitment_is_named_in_the_order_of_the_command()
    {
        var command = LegalExpertsDialogueInTheNextFewMonths(madeOn: "14/05/2010") with
        {
            CommitmentId = "Legal Experts",
            MadeBy = ["US", "cn", "P.R.C."],
            Words = " ",
            RoundId = "2010 Washington",
            Source = new Citation("State Dept", Quote: Chars(5_001)),
        };

        Invalid(() => Decider.Decide(Given(), command, Everything()), "commitment_id", "made_by[0]", "made_by[2]", "words", "made_on", "round_id", "source.source_id", "source.quote");
    }

    [Fact]
    public void A_due_window_is_not_held_against_a_day_made_that_is_wrong()
    {
        // A window in 2009 would end before any day in 2010; against no day at all it is not wrong, and saying it is
        // would only send the caller to fix a due window that may be right.
        Invalid(() => Decider.Decide(Given(), LegalExpertsDialogueInTheNextFewMonths(madeOn: "2010-13-45", due: "2009"), Everything()), "made_on");
    }

    [Fact]
    public void A_due_window_ending_before_the_day_made_is_named_beside_the_other_wrong_fields()
    {
        var command = LegalExpertsDialogueInTheNextFewMonths(due: "2009") with { Words = "", DueRule = " " };

        var refusal = Invalid(() => Decider.Decide(Given(), command, Everything()), "words", "due", "due_rule");

        Assert.Contains("ends before the commitment was made (2010-05-14)", refusal.ReasonFor("due"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wrong_field_of_what_follows_the_making_is_named()
    {
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Broken(on: "the next day") with { DeclaredBy = "U.S.", Reason = "" }, Everything()), "on", "declared_by", "reason");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Reschedule(due: "2009", on: "2010-05-13") with { DueRule = " " }, Everything()), "due", "due_rule", "on");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), Fulfil(on: "2010-05-13") with { Evidence = "" }, Everything()), "on", "evidence");
    }

    [Fact]
    public void A_command_is_refused_for_its_wrong_fields_before_what_it_names_is_looked_up()
    {
        // They must be fixed whatever else is wrong, and naming them all at once saves a round trip per field.
        Invalid(() => Decider.Decide(Given(), Progress() with { Detail = "" }, Everything()), "detail");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised), LegalExpertsDialogueInTheNextFewMonths() with { Words = "" }, EverythingBut(Streams.Source(Briefing))), "words");
        Invalid(() => Decider.Decide(Given(LegalExpertsPromised, Withdrawn), Withdraw() with { Reason = "" }, Everything()), "reason");
    }
}
