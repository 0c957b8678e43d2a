using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Commitments;

public sealed record CommitmentState(bool Made, string? MadeOn, bool Fulfilled, bool Broken, bool Withdrawn);

public sealed class CommitmentDecider : Decider<CommitmentState, CommitmentCommand>
{
    public override CommitmentState Initial { get; } = new(false, null, false, false, false);

    public override CommitmentState Evolve(CommitmentState state, IDomainEvent fact) => fact switch
    {
        CommitmentMade e => state with { Made = true, MadeOn = e.MadeOn },
        CommitmentFulfilled => state with { Fulfilled = true },
        CommitmentDeclaredBroken => state with { Broken = true },
        CommitmentWithdrawn => state with { Withdrawn = true },
        _ => state,
    };

    public override IReadOnlyList<IDomainEvent> Decide(CommitmentState state, CommitmentCommand command, Known known)
    {
        var id = EntityId.Require(command.CommitmentId, "commitment_id");
        var source = (command.Source ?? throw DomainException.Invalid("source", "every fact cites a source")).Validated("source");
        known.RequireSource(source, "source");
        if (command is MakeCommitment make)
        {
            return [Make(state, make, id, source, known)];
        }

        if (!state.Made)
        {
            throw DomainException.NotFound($"commitment '{id}' does not exist: record it being made first");
        }

        if (state.Withdrawn)
        {
            throw DomainException.Conflict($"commitment '{id}' was withdrawn: nothing more can happen to it (correct the withdrawal if it was wrong)", "commitment_id");
        }

        return command switch
        {
            ReaffirmCommitment c => [new CommitmentReaffirmed(Parties(c.By, "by"), On(state, c.On), Text.Optional(c.Words, "words", Text.Paragraph), source)],
            RescheduleCommitment c => [Reschedule(Open(state, id, "rescheduled"), c, source)],
            ReportCommitmentProgress c => [new CommitmentProgressReported(On(Open(state, id, "given progress"), c.On), Text.Require(c.Detail, "detail", Text.Paragraph), source)],
            FulfilCommitment c => [Fulfil(state, c, id, source, known)],
            DeclareCommitmentBroken c => [new CommitmentDeclaredBroken(On(Open(state, id, "declared broken"), c.On), Side.Require(c.DeclaredBy, "declared_by"), Text.Require(c.Reason, "reason", Text.Paragraph), source)],
            WithdrawCommitment c => [new CommitmentWithdrawn(On(Open(state, id, "withdrawn"), c.On), Side.Require(c.WithdrawnBy, "withdrawn_by"), Text.Require(c.Reason, "reason", Text.Paragraph), source)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    private static CommitmentMade Make(CommitmentState state, MakeCommitment c, string id, Citation source, Known known)
    {
        if (state.Made)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"commitment '{id}' is already recorded", "commitment_id");
        }

        var round = c.RoundId is null ? null : EntityId.Require(c.RoundId, "round_id");
        if (round is not null)
        {
            known.Require(Streams.Round(round), "round_id", "round");
        }

        var madeOn = WorldDate.Parse(c.MadeOn, "made_on");
        var due = Due(c.Due, madeOn);
        return new CommitmentMade(
            id,
            Parties(c.MadeBy, "made_by"),
            Text.Require(c.Words, "words", Text.Paragraph),
            Text.Require(c.Action, "action", Text.Title),
            madeOn.ToString(),
            due.ToString(),
            Text.Require(c.DueRule, "due_rule", Text.Title),
            round,
            source);
    }

    private static CommitmentRescheduled Reschedule(CommitmentState state, RescheduleCommitment c, Citation source) =>
        new(Due(c.Due, EdtfDate.Parse(state.MadeOn!)).ToString(), Text.Require(c.DueRule, "due_rule", Text.Title), On(state, c.On), source);

    /// <summary>A due window, when the commitment is made or rescheduled, cannot end before the commitment was made.</summary>
    private static EdtfDate Due(string? text, EdtfDate madeOn)
    {
        var due = WorldDate.Parse(text, "due");
        if (due.Latest is { } last && madeOn.Earliest is { } first && last < first)
        {
            throw DomainException.Invalid("due", $"the due window {due} ends before the commitment was made ({madeOn})");
        }

        return due;
    }

    private static CommitmentFulfilled Fulfil(CommitmentState state, FulfilCommitment c, string id, Citation source, Known known)
    {
        if (state.Fulfilled)
        {
            throw DomainException.Conflict($"commitment '{id}' is already fulfilled", "commitment_id");
        }

        var evidenceStream = Text.Optional(c.EvidenceStream, "evidence_stream", 200);
        if (evidenceStream is not null)
        {
            known.Require(evidenceStream, "evidence_stream", "stream");
        }

        return new CommitmentFulfilled(On(state, c.On), Text.Require(c.Evidence, "evidence", Text.Paragraph), evidenceStream, source);
    }

    private static CommitmentState Open(CommitmentState state, string id, string what) => state.Fulfilled
        ? throw DomainException.Conflict($"commitment '{id}' is fulfilled, so it cannot be {what}", "commitment_id")
        : state;

    /// <summary>What happens to a commitment cannot happen before it was made.</summary>
    private static string On(CommitmentState state, string on)
    {
        var date = WorldDate.Parse(on, "on");
        var made = EdtfDate.Parse(state.MadeOn!);
        if (date.Latest is { } last && made.Earliest is { } first && last < first)
        {
            throw DomainException.Invalid("on", $"{date} is before the commitment was made ({made})");
        }

        return date.ToString();
    }

    private static IReadOnlyList<string> Parties(IReadOnlyList<string>? parties, string field) => Text.List(parties, field, 10, Side.Require, required: true);
}
