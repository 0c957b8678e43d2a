using EventDialogue.Api.V1;
using EventDialogue.Domain.Commitments;
using EventDialogue.Server.Api.Common;

namespace EventDialogue.Server.Api.Commitments;

internal static class CommitmentMappings
{
    public static MakeCommitment ToCommand(this MakeCommitmentRequest r) => new(
        r.CommitmentId,
        [.. r.MadeBy],
        r.Words,
        r.Action,
        r.MadeOn,
        r.Due,
        r.DueRule,
        r.RoundId.NullIfEmpty(),
        r.Source.Required(),
        r.Kind.NullIfEmpty());

    public static ReaffirmCommitment ToCommand(this ReaffirmCommitmentRequest r) =>
        new(r.CommitmentId, [.. r.By], r.On, r.Words.NullIfEmpty(), r.Source.Required());

    public static RescheduleCommitment ToCommand(this RescheduleCommitmentRequest r) =>
        new(r.CommitmentId, r.Due, r.DueRule, r.On, r.Source.Required());

    public static ReportCommitmentProgress ToCommand(this ReportCommitmentProgressRequest r) =>
        new(r.CommitmentId, r.On, r.Detail, r.Source.Required());

    public static FulfilCommitment ToCommand(this FulfilCommitmentRequest r) =>
        new(r.CommitmentId, r.On, r.Evidence, r.EvidenceStream.NullIfEmpty(), r.Source.Required());

    public static DeclareCommitmentBroken ToCommand(this DeclareCommitmentBrokenRequest r) =>
        new(r.CommitmentId, r.On, r.DeclaredBy, r.Reason, r.Source.Required());

    public static WithdrawCommitment ToCommand(this WithdrawCommitmentRequest r) =>
        new(r.CommitmentId, r.On, r.WithdrawnBy, r.Reason, r.Source.Required());

    public static ReviewCommitmentSources ToCommand(this ReviewCommitmentSourcesRequest r) =>
        new(r.CommitmentId, r.ReviewedUpTo, r.Detail, r.Source.Required());

    public static RateCommitment ToCommand(this RateCommitmentRequest r) =>
        new(r.CommitmentId, r.Rating, r.Rationale, r.RatedBy, r.RatedOn, r.Source.Required());
}
