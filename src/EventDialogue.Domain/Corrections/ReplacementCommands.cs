using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Sources;
using EventDialogue.Domain.Statements;

namespace EventDialogue.Domain.Corrections;

/// <summary>
/// The command that would have recorded an entry: a correction's replacement is decided as that command, so it is
/// held to the same rules as the entry it replaces.
/// </summary>
public static class ReplacementCommands
{
    /// <summary>
    /// The command that records <paramref name="fact"/> in the stream with id <paramref name="streamId"/>; null for an
    /// amendment, which no command records directly. Events that name their own entity keep their id, so a replacement
    /// for another entity's stream is noticed.
    /// </summary>
    public static IDomainCommand? For(IDomainEvent? fact, string streamId) => fact switch
    {
        DialogueEstablished e => new EstablishDialogue(e.DialogueId, e.Name, e.Parties, e.Established, e.Cadence, e.ParentDialogueId, e.Source),
        SourceRegistered e => new RegisterSource(e.SourceId, e.Title, e.Kind, e.Publisher, e.Published, e.Address, e.Reliability),
        RoundScheduled e => new ScheduleRound(e.RoundId, e.DialogueId, e.Dates, e.Place, e.Source),
        RoundHeld e => new HoldRound(e.RoundId, e.DialogueId, e.Dates, e.Place, e.Ordinal, e.Source),
        DelegationMemberNamed e => new NameDelegationMember(streamId, e.Side, e.Name, e.Title, e.Agency, e.Leads, e.Source),
        SessionHeld e => new RecordSession(streamId, e.Topics, e.Date, e.Source),
        SiteVisited e => new RecordSiteVisit(streamId, e.Place, e.Host, e.Topics, e.Date, e.Source),
        OutcomeCharacterised e => new CharacteriseOutcome(streamId, e.Side, e.Characterisation, e.Source),
        RoundConcluded e => new ConcludeRound(streamId, e.Date, e.Source),
        StatementRecorded e => new RecordStatement(
            e.StatementId, e.Speaker, e.SpeakerTitle, e.Side, e.Setting, e.Said, e.Place, e.Text, e.Exact, e.Topics, e.Stance, e.RoundId, e.Source),
        CaseOpened e => new OpenCase(e.CaseId, e.Kind, e.Names, e.Description, e.Source),
        CaseRaised e => new RaiseCase(streamId, e.RaisedBy, e.Channel, e.RoundId, e.Publicly, e.Date, e.Source, e.InConfidence),
        CaseStatusReported e => new ReportCaseStatus(streamId, e.Status, e.AsOf, e.Term, e.Charge, e.Detail, e.Certainty, e.SourceType, e.Source),
        CaseResponseReceived e => new RecordCaseResponse(streamId, e.From, e.Response, e.Date, e.Detail, e.Source, e.InConfidence),
        DialogueSourcesReviewed e => new ReviewDialogueSources(streamId, e.ReviewedUpTo, e.Detail, e.Source),
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

    /// <summary>The source a command's fact cites, if it cites one.</summary>
    public static Citation? CitationOf(IDomainCommand command) => command switch
    {
        EstablishDialogue c => c.Source,
        ReviewDialogueSources c => c.Source,
        RoundCommand c => c.Source,
        RecordStatement c => c.Source,
        CaseCommand c => c.Source,
        CommitmentCommand c => c.Source,
        _ => null,
    };
}
