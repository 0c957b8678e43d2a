using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Commitments;

/// <summary>
/// A promise by one or both sides. <paramref name="Words"/> are the promise's exact words; <paramref name="Due"/> is the
/// window they give, at their real precision ("in the next few months", said on 2010-05-14, is 2010-05-14/2010-09),
/// and <paramref name="DueRule"/> says how the words were turned into that window.
/// </summary>
[EventType("CommitmentMade")]
public sealed record CommitmentMade(
    string CommitmentId,
    IReadOnlyList<string> MadeBy,
    string Words,
    string Action,
    string MadeOn,
    string Due,
    string DueRule,
    string? RoundId,
    Citation Source) : ICitingFact;

[EventType("CommitmentReaffirmed")]
public sealed record CommitmentReaffirmed(IReadOnlyList<string> By, string On, string? Words, Citation Source) : ICitingFact;

[EventType("CommitmentRescheduled")]
public sealed record CommitmentRescheduled(string Due, string DueRule, string On, Citation Source) : ICitingFact;

[EventType("CommitmentProgressReported")]
public sealed record CommitmentProgressReported(string On, string Detail, Citation Source) : ICitingFact;

/// <summary>Kept, with the evidence: the source that shows it and, where the record holds it, the stream of the event that kept it.</summary>
[EventType("CommitmentFulfilled")]
public sealed record CommitmentFulfilled(string On, string Evidence, string? EvidenceStream, Citation Source) : ICitingFact;

[EventType("CommitmentDeclaredBroken")]
public sealed record CommitmentDeclaredBroken(string On, string DeclaredBy, string Reason, Citation Source) : ICitingFact;

[EventType("CommitmentWithdrawn")]
public sealed record CommitmentWithdrawn(string On, string WithdrawnBy, string Reason, Citation Source) : ICitingFact;
