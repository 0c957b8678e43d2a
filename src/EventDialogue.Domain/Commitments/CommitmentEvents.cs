using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Commitments;

/// <summary>
/// A promise by one or both sides. <paramref name="Words"/> are the promise's exact words; <paramref name="Due"/> is the
/// window they give, at their real precision ("in the next few months", said on 2010-05-14, is 2010-05-14/2010-09),
/// and <paramref name="DueRule"/> says how the words were turned into that window. <paramref name="Kind"/> is what sort of
/// promise the words make (a <see cref="Assessment.CommitmentKinds"/> name); entries stored before kinds were recorded
/// have none and read as undertakings, which is what every commitment was then taken to be.
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
    Citation Source,
    string Kind = Assessment.CommitmentKinds.Undertaking) : ICitingFact;

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

/// <summary>
/// The record's sources were reviewed for this commitment up to <paramref name="ReviewedUpTo"/> (EDTF): silence before
/// it means the sources report nothing, after it only that nobody has looked. It stands in for the dialogue's horizon
/// where the commitment's matter lies outside what the dialogue's documents report.
/// </summary>
[EventType("CommitmentSourcesReviewed")]
public sealed record CommitmentSourcesReviewed(string ReviewedUpTo, string Detail, Citation Source) : ICitingFact;

/// <summary>
/// An analyst's own judgement of whether the commitment was kept, with the reasoning and the words it rests on. Shown
/// beside the status derived from the facts, never instead of it; a later rating does not erase an earlier one.
/// </summary>
[EventType("CommitmentRated")]
public sealed record CommitmentRated(string Rating, string Rationale, string RatedBy, string RatedOn, Citation Source) : ICitingFact;
