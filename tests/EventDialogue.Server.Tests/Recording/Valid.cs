using EventDialogue.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// Complete, valid requests for every command, each with a request id of its own: a test changes the one field it is
/// about, so that whatever the server refuses is that field.
/// </summary>
internal static class Valid
{
    /// <summary>A slug no other test uses: the tests share one server and one store.</summary>
    public static string Id(string what) => $"{what}-{Guid.NewGuid():N}";

    public static string RequestId() => $"req-{Guid.NewGuid():N}";

    public static Citation Cite(string sourceId, string quote = "", string locator = "") =>
        new() { SourceId = sourceId, Quote = quote, Locator = locator };

    public static ExpectedRevision Exact(long revision) => new() { Exact = revision };

    public static ExpectedRevision NoStream() => new() { NoStream = new Empty() };

    public static ExpectedRevision StreamExists() => new() { StreamExists = new Empty() };

    public static ExpectedRevision Any() => new() { Any = new Empty() };

    public static RegisterSourceRequest Source(string sourceId) => new()
    {
        RequestId = RequestId(),
        SourceId = sourceId,
        Title = "Briefing on the U.S.-China Human Rights Dialogue",
        Kind = "transcript",
        Publisher = "U.S. Department of State",
        Published = "2010-05-14",
        Address = "https://2009-2017.state.gov/j/drl/rls/rm/2010/141899.htm",
        Reliability = "A",
    };

    public static EstablishDialogueRequest Dialogue(string dialogueId, string sourceId) => new()
    {
        RequestId = RequestId(),
        DialogueId = dialogueId,
        Name = "U.S.-China Human Rights Dialogue",
        Parties = { "us", "cn" },
        Established = "1990",
        Cadence = "irregular",
        Source = Cite(sourceId),
    };

    public static ScheduleRoundRequest ScheduleRound(string roundId, string dialogueId, string sourceId) => new()
    {
        RequestId = RequestId(),
        RoundId = roundId,
        DialogueId = dialogueId,
        Dates = "2011-04",
        Place = "Beijing",
        Source = Cite(sourceId),
    };

    public static HoldRoundRequest HoldRound(string roundId, string dialogueId, string sourceId) => new()
    {
        RequestId = RequestId(),
        RoundId = roundId,
        DialogueId = dialogueId,
        Dates = "2010-05-13/2010-05-14",
        Place = "Washington, DC",
        Ordinal = "15th",
        Source = Cite(sourceId, "We met yesterday and today."),
    };

    public static NameDelegationMemberRequest Member(string roundId, string sourceId, string side = "us", string name = "Michael H. Posner", bool leads = false) => new()
    {
        RequestId = RequestId(),
        RoundId = roundId,
        Side = side,
        Name = name,
        Title = "Assistant Secretary",
        Agency = "Department of State",
        Leads = leads,
        Source = Cite(sourceId),
    };

    public static RecordSessionRequest Session(string roundId, string sourceId) => new()
    {
        RequestId = RequestId(),
        RoundId = roundId,
        Topics = { "religious freedom", "labor rights" },
        Date = "2010-05-13",
        Source = Cite(sourceId),
    };

    public static RecordSiteVisitRequest SiteVisit(string roundId, string sourceId) => new()
    {
        RequestId = RequestId(),
        RoundId = roundId,
        Place = "Supreme Court of the United States",
        Host = "Justice Sandra Day O'Connor",
        Topics = { "rule of law" },
        Date = "2010-05-14",
        Source = Cite(sourceId),
    };

    public static CharacteriseOutcomeRequest Outcome(string roundId, string sourceId) => new()
    {
        RequestId = RequestId(),
        RoundId = roundId,
        Side = "us",
        Characterisation = "candid and constructive",
        Source = Cite(sourceId),
    };

    public static ConcludeRoundRequest Conclude(string roundId, string sourceId) => new()
    {
        RequestId = RequestId(),
        RoundId = roundId,
        Date = "2010-05-14",
        Source = Cite(sourceId),
    };

    public static RecordStatementRequest Statement(string statementId, string sourceId, string roundId = "") => new()
    {
        RequestId = RequestId(),
        StatementId = statementId,
        Speaker = "Michael H. Posner",
        SpeakerTitle = "Assistant Secretary",
        Side = "us",
        Setting = "briefing",
        Said = "2010-05-14",
        Place = "Washington, DC",
        Text = "The discussions we had were candid and constructive, including a range of areas where we disagree.",
        Exact = true,
        Topics = { "tone" },
        Stance = "neutral",
        RoundId = roundId,
        Source = Cite(sourceId),
    };

    public static OpenCaseRequest OpenCase(string caseId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CaseId = caseId,
        Kind = "person",
        Names = { new CaseName { Text = "Liu Xiaobo", Script = "Latn" }, new CaseName { Text = "刘晓波", Script = "Hans" } },
        Description = "Writer and activist",
        Source = Cite(sourceId),
    };

    public static RaiseCaseRequest RaiseCase(string caseId, string roundId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CaseId = caseId,
        RaisedBy = "us",
        Channel = "round",
        RoundId = roundId,
        Publicly = true,
        Date = "2010-05-13",
        Source = Cite(sourceId),
    };

    public static ReportCaseStatusRequest CaseStatus(string caseId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CaseId = caseId,
        Status = "sentenced",
        AsOf = "2009-12-25",
        Term = "11 years",
        Charge = "inciting subversion of state power",
        Certainty = "confirmed",
        SourceType = "official",
        Source = Cite(sourceId),
    };

    public static RecordCaseResponseRequest CaseResponse(string caseId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CaseId = caseId,
        From = "cn",
        Response = "denial",
        Date = "2010-05-13",
        Source = Cite(sourceId),
    };

    public static MakeCommitmentRequest Commitment(string commitmentId, string sourceId, string roundId = "") => new()
    {
        RequestId = RequestId(),
        CommitmentId = commitmentId,
        MadeBy = { "us", "cn" },
        Words = "we get the legal dialogue underway, we do it in the next few months",
        Action = "hold the legal experts dialogue",
        MadeOn = "2010-05-14",
        Due = "2010-05-14/2010-09",
        DueRule = "'in the next few months' said on 2010-05-14: from that day to the end of the fourth month",
        RoundId = roundId,
        Source = Cite(sourceId),
    };

    public static ReaffirmCommitmentRequest Reaffirm(string commitmentId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CommitmentId = commitmentId,
        By = { "cn" },
        On = "2010-06",
        Words = "the legal experts dialogue will take place",
        Source = Cite(sourceId),
    };

    public static RescheduleCommitmentRequest Reschedule(string commitmentId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CommitmentId = commitmentId,
        Due = "2011",
        DueRule = "'next year' said in 2010",
        On = "2010-10",
        Source = Cite(sourceId),
    };

    public static ReportCommitmentProgressRequest Progress(string commitmentId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CommitmentId = commitmentId,
        On = "2010-08",
        Detail = "dates under discussion",
        Source = Cite(sourceId),
    };

    public static FulfilCommitmentRequest Fulfil(string commitmentId, string sourceId, string evidenceStream = "") => new()
    {
        RequestId = RequestId(),
        CommitmentId = commitmentId,
        On = "2011-06",
        Evidence = "the legal experts dialogue met",
        EvidenceStream = evidenceStream,
        Source = Cite(sourceId),
    };

    public static DeclareCommitmentBrokenRequest DeclareBroken(string commitmentId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CommitmentId = commitmentId,
        On = "2011-01",
        DeclaredBy = "us",
        Reason = "no dates were set",
        Source = Cite(sourceId),
    };

    public static WithdrawCommitmentRequest Withdraw(string commitmentId, string sourceId) => new()
    {
        RequestId = RequestId(),
        CommitmentId = commitmentId,
        On = "2011-02",
        WithdrawnBy = "cn",
        Reason = "talks suspended",
        Source = Cite(sourceId),
    };

    public static RetractEntryRequest Retract(string targetStream, long targetRevision) => new()
    {
        RequestId = RequestId(),
        TargetStream = targetStream,
        TargetRevision = targetRevision,
        Reason = "recorded against the wrong round",
    };

    /// <summary>A correction of a CaseRaised entry: the same raising, but in confidence and on the second day.</summary>
    public static CorrectEntryRequest CorrectCaseRaised(string caseStream, long targetRevision, string roundId, string sourceId) => new()
    {
        RequestId = RequestId(),
        TargetStream = caseStream,
        TargetRevision = targetRevision,
        ReplacementType = "CaseRaised",
        Replacement = CaseRaisedReplacement(roundId, sourceId),
        Reason = "the case was raised on the second day, in confidence",
        Source = Cite(sourceId),
    };

    /// <summary>A CaseRaised's fields as stored, in snake_case.</summary>
    public static Struct CaseRaisedReplacement(string roundId, string sourceId) => new()
    {
        Fields =
        {
            ["raised_by"] = Value.ForString("us"),
            ["channel"] = Value.ForString("round"),
            ["round_id"] = Value.ForString(roundId),
            ["publicly"] = Value.ForBool(false),
            ["date"] = Value.ForString("2010-05-14"),
            ["source"] = Value.ForStruct(new Struct
            {
                Fields =
                {
                    ["source_id"] = Value.ForString(sourceId),
                    ["quote"] = Value.ForNull(),
                    ["locator"] = Value.ForNull(),
                },
            }),
        },
    };
}
