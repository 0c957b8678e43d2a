using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Sources;
using EventDialogue.Domain.Statements;

namespace EventDialogue.Domain.Tests;

/// <summary>
/// The 15th round of the U.S.–China Human Rights Dialogue (Washington, 13–14 May 2010), as Michael Posner's briefing of
/// 14 May 2010 tells it (../shared/sources/001_*.txt), plus the 2011 Beijing round that followed. The later fates of
/// commitments (declared broken, withdrawn) are illustrative values, not history.
/// </summary>
public static class Washington2010
{
    public const string HumanRightsDialogue = "us-china-human-rights";
    public const string LegalExpertsDialogue = "us-china-legal-experts";
    public const string Round = "2010-washington";
    public const string NextRound = "2011-beijing";
    public const string Briefing = "state-posner-briefing-2010-05-14";
    public const string ApStory = "ap-2010-05-13-talks-begin";
    public const string CnnStory = "cnn-2011-04-serious-backsliding";
    public const string LiuXiaobo = "liu-xiaobo";
    public const string GaoZhisheng = "gao-zhisheng";
    public const string LegalExpertsCommitment = "legal-experts-dialogue-in-the-next-few-months";
    public const string NextRoundCommitment = "next-round-in-china-in-2011";
    public const string BenchmarkStatement = "posner-2010-05-14-first-benchmark";

    public const string BenchmarkWords =
        "as far as I’m concerned, the first benchmark is that we get the legal dialogue underway, we do it in the next few months.";

    /// <summary>Every stream the examples refer to, for a <see cref="Known"/> in which they all exist.</summary>
    public static readonly IReadOnlyList<string> AllStreams =
    [
        Streams.Dialogue(HumanRightsDialogue),
        Streams.Dialogue(LegalExpertsDialogue),
        Streams.Round(Round),
        Streams.Round(NextRound),
        Streams.Source(Briefing),
        Streams.Source(ApStory),
        Streams.Source(CnnStory),
        Streams.Case(LiuXiaobo),
        Streams.Case(GaoZhisheng),
        Streams.Commitment(LegalExpertsCommitment),
        Streams.Commitment(NextRoundCommitment),
    ];

    public static Citation Briefed(string quote, string? locator = null) => new(Briefing, quote, locator);

    public static readonly Citation WeMet = Briefed("Let me just give you a few background details about the dialogue. We met yesterday and today.", "opening remarks");

    public static readonly Citation ChenXuLed = Briefed(
        "The Chinese delegation was led by Director General Chen Xu, who is the director general of the Ministry of Foreign Affairs Department of International Organizations.",
        "opening remarks");

    public static readonly Citation Topics = Briefed(
        "We had a variety of discussion on a variety of topics, including religious freedom, labor rights, freedom of expression, rule of law, racial discrimination, and multilateral cooperation.",
        "opening remarks");

    public static readonly Citation SupremeCourt = Briefed(
        "We met this morning with Justice Sandra Day O’Connor, who hosted us at the Supreme Court to discuss rule of law and the role of lawyers in society.",
        "opening remarks");

    public static readonly Citation CandidAndConstructive = Briefed(
        "The discussions we had were candid and constructive, including a range of areas where we disagree.",
        "opening remarks");

    public static readonly Citation Benchmark = Briefed(BenchmarkWords, "answer on benchmarks");

    public static readonly Citation LegalExpertsAgreed = Briefed(
        "We plan to continue the discussions in a variety of fora, including a legal expert’s dialogue, and we agreed to set the dates and agenda to restart those discussions soon.",
        "opening remarks");

    public static readonly Citation NextRoundAgreed = Briefed(
        "We also agreed to a next round of this dialogue to be held in China in 2011",
        "opening remarks");

    public static readonly Citation LiuXiaoboRaised = Briefed(
        "I can mention Liu Xiaobo, whose case I’ve mentioned before. We’re going to – we raised it. We’re going to continue to raise it.",
        "answer on cases");

    public static readonly Citation GaoZhishengDetained = Briefed(
        "Gao Zhisheng is one who’s in prison or detained because, in part – these are people who have represented Falun Gong.",
        "answer on Falun Gong");

    public static readonly Citation SixteenthMeeting = new(CnnStory, "the 16th meeting of its kind");

    public static DialogueEstablished HumanRightsDialogueEstablished { get; } = new(
        HumanRightsDialogue, "U.S.–China Human Rights Dialogue", ["us", "cn"], null, "at least annual, as intended in 2010", null, null);

    public static DialogueEstablished LegalExpertsDialogueEstablished { get; } = new(
        LegalExpertsDialogue, "U.S.–China Legal Experts Dialogue", ["us", "cn"], null, null, HumanRightsDialogue, LegalExpertsAgreed);

    public static SourceRegistered BriefingRegistered { get; } = new(
        Briefing,
        "Briefing by Michael H. Posner on the U.S. – China Human Rights Dialogue",
        "U.S. Department of State",
        "2010-05-17",
        "transcript",
        "sources/001_2aa69b759fea1df3.txt",
        "A");

    public static RoundScheduled WashingtonScheduled { get; } = new(
        Round, HumanRightsDialogue, "2010-05-13/2010-05-14", "Washington, DC", new Citation(ApStory, "US, China Begin Human Rights Talks", "headline"));

    public static RoundHeld WashingtonHeld { get; } = new(Round, HumanRightsDialogue, "2010-05-13/2010-05-14", "Washington, DC", "15th", WeMet);

    public static DelegationMemberNamed ChenXuNamed { get; } = new(
        "cn", "Chen Xu", "Director General, Department of International Organizations", "Ministry of Foreign Affairs", true, ChenXuLed);

    public static SessionHeld FirstDaySession { get; } = new(
        ["religious freedom", "labor rights", "freedom of expression", "rule of law", "racial discrimination", "multilateral cooperation"],
        "2010-05-13",
        Topics);

    public static SiteVisited SupremeCourtVisited { get; } = new(
        "Supreme Court of the United States", "Justice Sandra Day O’Connor", ["rule of law", "role of lawyers in society"], "2010-05-14", SupremeCourt);

    public static OutcomeCharacterised UsCharacterised { get; } = new("us", "candid and constructive, including a range of areas where we disagree", CandidAndConstructive);

    public static RoundConcluded WashingtonConcluded { get; } = new("2010-05-14", WeMet);

    public static StatementRecorded BenchmarkRecorded { get; } = new(
        BenchmarkStatement,
        "Michael H. Posner",
        "Assistant Secretary, Bureau of Democracy, Human Rights, and Labor",
        "us",
        "briefing",
        "2010-05-14",
        "Washington, DC",
        BenchmarkWords,
        true,
        ["legal experts dialogue", "rule of law"],
        "supportive",
        Round,
        Benchmark);

    public static CaseOpened LiuXiaoboOpened { get; } = new(
        LiuXiaobo, "person", [new CaseName("Liu Xiaobo", "Latn"), new CaseName("刘晓波", "Hans")], "Writer and activist.", LiuXiaoboRaised);

    public static CaseRaised LiuXiaoboRaisedInRound { get; } = new("us", "round", Round, true, "2010-05-13/2010-05-14", LiuXiaoboRaised);

    public static CaseStatusReported GaoZhishengReported { get; } = new(
        "detained",
        "2010-05-14",
        null,
        null,
        "In prison or detained, in part for having represented Falun Gong (as the U.S. side put it).",
        "believed",
        "official",
        GaoZhishengDetained);

    public static CaseResponseReceived LiuXiaoboResponse { get; } = new(
        "cn",
        "no-response",
        "2010-05-14",
        "No answer made public: Posner would not go into the details of the discussions.",
        Briefed("I’m not going to get into the details.", "answer on Gao Zhisheng"));

    public static CommitmentMade LegalExpertsPromised { get; } = new(
        LegalExpertsCommitment,
        ["us", "cn"],
        "we agreed to set the dates and agenda to restart those discussions soon",
        "Hold a session of the legal experts dialogue",
        "2010-05-14",
        "2010-05-14/2010-09",
        "“in the next few months”, said on 2010-05-14: to the end of the fourth month after",
        Round,
        LegalExpertsAgreed);

    /// <summary>The review of the 2010 documents reached the day of the briefing.</summary>
    public static DialogueSourcesReviewed HumanRightsReviewed { get; } = new(
        "2010-05-14",
        "Read the briefing of 14 May 2010 and the AP story of 13 May 2010 whole.",
        Briefed("Let me just give you a few background details about the dialogue. We met yesterday and today.", "opening remarks"));

    public static CommitmentSourcesReviewed LegalExpertsReviewed { get; } = new(
        "2010-05-14",
        "Only the briefing speaks of the legal experts dialogue.",
        LegalExpertsAgreed);

    public static CommitmentRated LegalExpertsRated { get; } = new(
        "unclear",
        "The briefing sets no date, and no later document in the record says whether the talks restarted.",
        "analyst-1",
        "2012-07-25",
        LegalExpertsAgreed);

    public static CommitmentMade NextRoundPromised { get; } = new(
        NextRoundCommitment,
        ["us", "cn"],
        "We also agreed to a next round of this dialogue to be held in China in 2011",
        "Hold the next round of the human-rights dialogue in China",
        "2010-05-14",
        "2011",
        "“in 2011”: the calendar year 2011",
        Round,
        NextRoundAgreed);

    public static CommitmentReaffirmed LegalExpertsReaffirmed { get; } = new(["us"], "2010-05-14", BenchmarkWords, Benchmark);

    public static CommitmentRescheduled NextRoundRescheduled { get; } = new(
        "2011", "“sometime next year”, said on 2010-05-14: the calendar year 2011", "2010-05-14", Briefed("We didn’t set a time. Sometime next year.", "answer on the month"));

    public static CommitmentProgressReported NextRoundProgress { get; } = new(
        "2010-05-14",
        "Director General Chen invited Posner back to Beijing for the next year's dialogue; he accepted.",
        Briefed("Director General Chen invited me back to Beijing to be part of a dialogue next year, which I gladly accepted.", "answer on regular talks"));

    public static CommitmentFulfilled NextRoundHeld { get; } = new("2011-04", "The 16th round was held in Beijing in April 2011.", Streams.Round(NextRound), SixteenthMeeting);

    public static CommitmentDeclaredBroken LegalExpertsDeclaredBroken { get; } = new(
        "2010-10", "us", "No session of the legal experts dialogue was held by the end of September 2010.", LegalExpertsAgreed);

    public static CommitmentWithdrawn LegalExpertsWithdrawn { get; } = new(
        "2010-06~", "cn", "The Chinese side asked to fold the legal experts talks into the next round.", LegalExpertsAgreed);

    /// <summary>Revision 1 of the round stream first said "16th"; this is it as it should have read.</summary>
    public static EntryCorrected OrdinalCorrected { get; } = new(
        1,
        "RoundHeld",
        WashingtonHeld,
        "The Washington round of 2010 was the 15th; the 16th was held in Beijing in April 2011.",
        SixteenthMeeting);

    public static EntryRetracted MemberRetracted { get; } = new(
        2, "DelegationMemberNamed", "Recorded in the wrong round's stream.", null);

    /// <summary>One realistic example of every event type, by its stable name.</summary>
    public static IReadOnlyDictionary<string, IDomainEvent> EveryEventType { get; } = new Dictionary<string, IDomainEvent>(StringComparer.Ordinal)
    {
        ["DialogueEstablished"] = LegalExpertsDialogueEstablished,
        ["SourceRegistered"] = BriefingRegistered,
        ["RoundScheduled"] = WashingtonScheduled,
        ["RoundHeld"] = WashingtonHeld,
        ["DelegationMemberNamed"] = ChenXuNamed,
        ["SessionHeld"] = FirstDaySession,
        ["SiteVisited"] = SupremeCourtVisited,
        ["OutcomeCharacterised"] = UsCharacterised,
        ["RoundConcluded"] = WashingtonConcluded,
        ["StatementRecorded"] = BenchmarkRecorded,
        ["CaseOpened"] = LiuXiaoboOpened,
        ["CaseRaised"] = LiuXiaoboRaisedInRound,
        ["CaseStatusReported"] = GaoZhishengReported,
        ["CaseResponseReceived"] = LiuXiaoboResponse,
        ["CommitmentMade"] = LegalExpertsPromised,
        ["CommitmentReaffirmed"] = LegalExpertsReaffirmed,
        ["CommitmentRescheduled"] = NextRoundRescheduled,
        ["CommitmentProgressReported"] = NextRoundProgress,
        ["CommitmentFulfilled"] = NextRoundHeld,
        ["CommitmentDeclaredBroken"] = LegalExpertsDeclaredBroken,
        ["CommitmentWithdrawn"] = LegalExpertsWithdrawn,
        ["DialogueSourcesReviewed"] = HumanRightsReviewed,
        ["CommitmentSourcesReviewed"] = LegalExpertsReviewed,
        ["CommitmentRated"] = LegalExpertsRated,
        ["EntryCorrected"] = OrdinalCorrected,
        ["EntryRetracted"] = MemberRetracted,
    };
}
