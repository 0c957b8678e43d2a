using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Commitments;

/// <summary>
/// A command's fields are checked first, all together, so that a refusal names every wrong one; then what it names must
/// exist, and then it must fit the commitment as it stands.
/// </summary>
public sealed class CommitmentDecider : Decider<CommitmentState, CommitmentCommand>
{
    public override CommitmentState Initial => CommitmentState.Initial;

    public override CommitmentState Evolve(CommitmentState state, IDomainEvent fact) => state.After(fact);

    public override CommitmentCommand? CommandRecording(IDomainEvent fact, string streamId) => fact switch
    {
        CommitmentMade e => new MakeCommitment(e.CommitmentId, e.MadeBy, e.Words, e.Action, e.MadeOn, e.Due, e.DueRule, e.RoundId, e.Source, e.Kind),
        CommitmentReaffirmed e => new ReaffirmCommitment(streamId, e.By, e.On, e.Words, e.Source),
        CommitmentRescheduled e => new RescheduleCommitment(streamId, e.Due, e.DueRule, e.On, e.Source),
        CommitmentProgressReported e => new ReportCommitmentProgress(streamId, e.On, e.Detail, e.Source),
        CommitmentFulfilled e => new FulfilCommitment(streamId, e.On, e.Evidence, e.EvidenceStream, e.Source),
        CommitmentDeclaredBroken e => new DeclareCommitmentBroken(streamId, e.On, e.DeclaredBy, e.Reason, e.Source),
        CommitmentWithdrawn e => new WithdrawCommitment(streamId, e.On, e.WithdrawnBy, e.Reason, e.Source),
        CommitmentSourcesReviewed e => new ReviewCommitmentSources(streamId, e.ReviewedUpTo, e.Detail, e.Source),
        CommitmentRated e => new RateCommitment(streamId, e.Rating, e.Rationale, e.RatedBy, e.RatedOn, e.Source),
        _ => null,
    };

    public override IReadOnlyList<IDomainEvent> Decide(CommitmentState state, CommitmentCommand command, Known known)
    {
        var id = Fields.Check(() => EntityId.Require(command.CommitmentId, "commitment_id"));
        var source = Fields.Check(() => Citation.Required(command.Source, "source"));
        return command switch
        {
            MakeCommitment c => [Make(state, c, id, source, known)],
            ReaffirmCommitment c => [Reaffirm(state, c, id, source, known)],
            RescheduleCommitment c => [Reschedule(state, c, id, source, known)],
            ReportCommitmentProgress c => [ReportProgress(state, c, id, source, known)],
            FulfilCommitment c => [Fulfil(state, c, id, source, known)],
            DeclareCommitmentBroken c => [DeclareBroken(state, c, id, source, known)],
            WithdrawCommitment c => [Withdraw(state, c, id, source, known)],
            ReviewCommitmentSources c => [Review(state, c, id, source, known)],
            RateCommitment c => [Rate(state, c, id, source, known)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    private static CommitmentMade Make(CommitmentState state, MakeCommitment c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var madeOn = Fields.Check(() => WorldDate.Parse(c.MadeOn, "made_on"));
        var (commitment, madeBy, words, action, made, due, dueRule, round, cited, kind) = Fields.All(
            id,
            Parties(c.MadeBy, "made_by"),
            Fields.Check(() => Text.Require(c.Words, "words", Text.Paragraph)),
            Fields.Check(() => Text.Require(c.Action, "action", Text.Title)),
            madeOn,
            Fields.Check(() => WorldDate.Parse(c.Due, "due")).Against(madeOn, DueWindow),
            Fields.Check(() => Text.Require(c.DueRule, "due_rule", Text.Title)),
            Fields.Check(() => c.RoundId is null ? null : EntityId.Require(c.RoundId, "round_id")),
            source,
            Fields.Check(() => string.IsNullOrWhiteSpace(c.Kind) ? CommitmentKinds.Undertaking : CommitmentKinds.Parse(c.Kind.Trim(), "kind").Name()));
        known.RequireSource(cited, "source");
        if (state is not CommitmentState.NotMade)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"commitment '{commitment}' is already recorded", "commitment_id");
        }

        if (round is not null)
        {
            known.Require(Streams.Round(round), "round_id", "round");
        }

        return new CommitmentMade(commitment, madeBy, words, action, made.ToString(), due.ToString(), dueRule, round, cited, kind);
    }

    private static CommitmentReaffirmed Reaffirm(CommitmentState state, ReaffirmCommitment c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, by, on, words, cited) = Fields.All(
            id,
            Parties(c.By, "by"),
            On(state, c.On),
            Fields.Check(() => Text.Optional(c.Words, "words", Text.Paragraph)),
            source);
        Followable(state, commitment, cited, known);
        return new CommitmentReaffirmed(by, on, words, cited);
    }

    private static CommitmentRescheduled Reschedule(CommitmentState state, RescheduleCommitment c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, due, dueRule, on, cited) = Fields.All(
            id,
            Fields.Check(() => WorldDate.Parse(c.Due, "due")).Then(due => MadeOn(state) is { } made ? DueWindow(due, made) : due),
            Fields.Check(() => Text.Require(c.DueRule, "due_rule", Text.Title)),
            On(state, c.On),
            source);
        Followable(state, commitment, cited, known, unlessFulfilled: "rescheduled");
        return new CommitmentRescheduled(due.ToString(), dueRule, on, cited);
    }

    private static CommitmentProgressReported ReportProgress(CommitmentState state, ReportCommitmentProgress c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, on, detail, cited) = Fields.All(id, On(state, c.On), Fields.Check(() => Text.Require(c.Detail, "detail", Text.Paragraph)), source);
        Followable(state, commitment, cited, known, unlessFulfilled: "given progress");
        return new CommitmentProgressReported(on, detail, cited);
    }

    private static CommitmentFulfilled Fulfil(CommitmentState state, FulfilCommitment c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, on, evidence, evidenceStream, cited) = Fields.All(
            id,
            On(state, c.On),
            Fields.Check(() => Text.Require(c.Evidence, "evidence", Text.Paragraph)),
            Fields.Check(() => Text.Optional(c.EvidenceStream, "evidence_stream", 200)),
            source);
        Followable(state, commitment, cited, known);
        if (state is CommitmentState.Fulfilled)
        {
            throw DomainException.Conflict($"commitment '{commitment}' is already fulfilled", "commitment_id");
        }

        if (evidenceStream is not null)
        {
            known.Require(evidenceStream, "evidence_stream", "stream");
        }

        return new CommitmentFulfilled(on, evidence, evidenceStream, cited);
    }

    private static CommitmentDeclaredBroken DeclareBroken(CommitmentState state, DeclareCommitmentBroken c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, on, declaredBy, reason, cited) = Fields.All(
            id,
            On(state, c.On),
            Fields.Check(() => Side.Require(c.DeclaredBy, "declared_by")),
            Fields.Check(() => Text.Require(c.Reason, "reason", Text.Paragraph)),
            source);
        Followable(state, commitment, cited, known, unlessFulfilled: "declared broken");
        return new CommitmentDeclaredBroken(on, declaredBy, reason, cited);
    }

    private static CommitmentWithdrawn Withdraw(CommitmentState state, WithdrawCommitment c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, on, withdrawnBy, reason, cited) = Fields.All(
            id,
            On(state, c.On),
            Fields.Check(() => Side.Require(c.WithdrawnBy, "withdrawn_by")),
            Fields.Check(() => Text.Require(c.Reason, "reason", Text.Paragraph)),
            source);
        Followable(state, commitment, cited, known, unlessFulfilled: "withdrawn");
        return new CommitmentWithdrawn(on, withdrawnBy, reason, cited);
    }

    /// <summary>A review horizon can be recorded for any commitment made, whatever became of it.</summary>
    private static CommitmentSourcesReviewed Review(CommitmentState state, ReviewCommitmentSources c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, upTo, detail, cited) = Fields.All(
            id,
            Fields.Check(() => SourcesReview.Horizon(c.ReviewedUpTo, known)),
            Fields.Check(() => Text.Require(c.Detail, "detail", Text.Paragraph)),
            source);
        Existing(state, commitment, cited, known);
        return new CommitmentSourcesReviewed(upTo, detail, cited);
    }

    /// <summary>An analyst may rate any commitment made, whatever became of it, and rate it again later.</summary>
    private static CommitmentRated Rate(CommitmentState state, RateCommitment c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (commitment, rating, rationale, ratedBy, ratedOn, cited) = Fields.All(
            id,
            Fields.Check(() => Vocabulary.Require(c.Rating, "rating", CommitmentRatings.All)),
            Fields.Check(() => Text.Require(c.Rationale, "rationale", Text.Paragraph)),
            Fields.Check(() => Text.Require(c.RatedBy, "rated_by", Text.Name)),
            Fields.Check(() => RatedOn(c.RatedOn, known)),
            source);
        Existing(state, commitment, cited, known);
        return new CommitmentRated(rating, rationale, ratedBy, ratedOn, cited);
    }

    private static string RatedOn(string? text, Known known)
    {
        var date = WorldDate.Parse(text, "rated_on");
        return date.Earliest is { } first && first > known.Today
            ? throw DomainException.Invalid("rated_on", $"{date} is after today ({known.Today:yyyy-MM-dd}): a rating is dated the day it was given")
            : date.ToString();
    }

    private static void Existing(CommitmentState state, string id, Citation source, Known known)
    {
        known.RequireSource(source, "source");
        if (state is CommitmentState.NotMade)
        {
            throw DomainException.NotFound($"commitment '{id}' does not exist: record it being made first");
        }
    }

    /// <summary>
    /// Something can happen to a commitment that was made and not withdrawn, citing a source that exists; some things
    /// (<paramref name="unlessFulfilled"/>) only while it is not yet fulfilled.
    /// </summary>
    private static void Followable(CommitmentState state, string id, Citation source, Known known, string? unlessFulfilled = null)
    {
        Existing(state, id, source, known);
        switch (state)
        {
            case CommitmentState.Withdrawn:
                throw DomainException.Conflict($"commitment '{id}' was withdrawn: nothing more can happen to it (correct the withdrawal if it was wrong)", "commitment_id");
            case CommitmentState.Fulfilled when unlessFulfilled is not null:
                throw DomainException.Conflict($"commitment '{id}' is fulfilled, so it cannot be {unlessFulfilled}", "commitment_id");
        }
    }

    /// <summary>A due window, when the commitment is made or rescheduled, cannot end before the commitment was made.</summary>
    private static EdtfDate DueWindow(EdtfDate due, EdtfDate madeOn) => EndsBefore(due, madeOn)
        ? throw DomainException.Invalid("due", $"the due window {due} ends before the commitment was made ({madeOn})")
        : due;

    /// <summary>
    /// What happens to a commitment cannot happen before it was made. Of a commitment not (yet) made there is no such
    /// day to check against: the command is refused for that instead, once its fields are right.
    /// </summary>
    private static FieldCheck<string> On(CommitmentState state, string on) => Fields.Check(() =>
    {
        var date = WorldDate.Parse(on, "on");
        return MadeOn(state) is { } made && EndsBefore(date, made)
            ? throw DomainException.Invalid("on", $"{date} is before the commitment was made ({made})")
            : date.ToString();
    });

    private static EdtfDate? MadeOn(CommitmentState state) => state is CommitmentState.Made made ? EdtfDate.Parse(made.MadeOn) : null;

    private static bool EndsBefore(EdtfDate date, EdtfDate other) => date.Latest is { } last && other.Earliest is { } first && last < first;

    private static FieldCheck<IReadOnlyList<string>> Parties(IReadOnlyList<string>? parties, string field) =>
        Fields.Check(() => Text.List(parties, field, 10, Side.Require, required: true));
}
