using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Server.Api.Common;

// The recording requests of commitments, each with the command it records. Generated messages are partial, so they are
// declared here, in the generated namespace, beside the feature rather than in a table of every request.
namespace EventDialogue.Api.V1;

public sealed partial class MakeCommitmentRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new MakeCommitment(
            CommitmentId,
            [.. MadeBy],
            Words,
            Action,
            MadeOn,
            Due,
            DueRule,
            RoundId.NullIfEmpty(),
            Source.Required(),
            Kind.NullIfEmpty());
}

public sealed partial class ReaffirmCommitmentRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new ReaffirmCommitment(CommitmentId, [.. By], On, Words.NullIfEmpty(), Source.Required());
}

public sealed partial class RescheduleCommitmentRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RescheduleCommitment(CommitmentId, Due, DueRule, On, Source.Required());
}

public sealed partial class ReportCommitmentProgressRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new ReportCommitmentProgress(CommitmentId, On, Detail, Source.Required());
}

public sealed partial class FulfilCommitmentRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new FulfilCommitment(CommitmentId, On, Evidence, EvidenceStream.NullIfEmpty(), Source.Required());
}

public sealed partial class DeclareCommitmentBrokenRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new DeclareCommitmentBroken(CommitmentId, On, DeclaredBy, Reason, Source.Required());
}

public sealed partial class WithdrawCommitmentRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new WithdrawCommitment(CommitmentId, On, WithdrawnBy, Reason, Source.Required());
}

public sealed partial class ReviewCommitmentSourcesRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new ReviewCommitmentSources(CommitmentId, ReviewedUpTo, Detail, Source.Required());
}

public sealed partial class RateCommitmentRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RateCommitment(CommitmentId, Rating, Rationale, RatedBy, RatedOn, Source.Required());
}
