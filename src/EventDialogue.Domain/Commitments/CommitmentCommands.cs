using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Commitments;

public abstract record CommitmentCommand(string CommitmentId, Citation Source) : IDomainCommand
{
    public string Stream => Streams.Commitment(CommitmentId);

    public virtual IEnumerable<string> References => [Streams.Source(Source?.SourceId ?? string.Empty)];
}

public sealed record MakeCommitment(
    string CommitmentId,
    IReadOnlyList<string> MadeBy,
    string Words,
    string Action,
    string MadeOn,
    string Due,
    string DueRule,
    string? RoundId,
    Citation Source,
    string? Kind = null) : CommitmentCommand(CommitmentId, Source)
{
    public override IEnumerable<string> References => RoundId is null ? base.References : [.. base.References, Streams.Round(RoundId)];
}

public sealed record ReaffirmCommitment(string CommitmentId, IReadOnlyList<string> By, string On, string? Words, Citation Source) : CommitmentCommand(CommitmentId, Source);

public sealed record RescheduleCommitment(string CommitmentId, string Due, string DueRule, string On, Citation Source) : CommitmentCommand(CommitmentId, Source);

public sealed record ReportCommitmentProgress(string CommitmentId, string On, string Detail, Citation Source) : CommitmentCommand(CommitmentId, Source);

public sealed record FulfilCommitment(string CommitmentId, string On, string Evidence, string? EvidenceStream, Citation Source) : CommitmentCommand(CommitmentId, Source)
{
    public override IEnumerable<string> References => string.IsNullOrWhiteSpace(EvidenceStream) ? base.References : [.. base.References, EvidenceStream.Trim()];
}

public sealed record DeclareCommitmentBroken(string CommitmentId, string On, string DeclaredBy, string Reason, Citation Source) : CommitmentCommand(CommitmentId, Source);

public sealed record WithdrawCommitment(string CommitmentId, string On, string WithdrawnBy, string Reason, Citation Source) : CommitmentCommand(CommitmentId, Source);

/// <summary>Records how far the sources were reviewed for this commitment (see <see cref="CommitmentSourcesReviewed"/>).</summary>
public sealed record ReviewCommitmentSources(string CommitmentId, string ReviewedUpTo, string Detail, Citation Source) : CommitmentCommand(CommitmentId, Source);

/// <summary>Records an analyst's rating of the commitment (see <see cref="CommitmentRated"/>).</summary>
public sealed record RateCommitment(string CommitmentId, string Rating, string Rationale, string RatedBy, string RatedOn, Citation Source) : CommitmentCommand(CommitmentId, Source);
