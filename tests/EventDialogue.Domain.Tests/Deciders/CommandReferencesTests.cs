using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Sources;
using EventDialogue.Domain.Statements;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

/// <summary>
/// The handler looks up exactly the streams a command names in <see cref="IDomainCommand.References"/> before deciding.
/// So every stream a decision requires must be among them: given just those streams, a valid command is accepted.
/// </summary>
public sealed class CommandReferencesTests
{
    private static readonly Dictionary<string, (IDecider Decider, IDomainEvent[] History, IDomainCommand Command)> Scenarios = new(StringComparer.Ordinal)
    {
        ["EstablishDialogue"] = (new DialogueDecider(), [], new EstablishDialogue(LegalExpertsDialogue, "U.S.–China Legal Experts Dialogue", ["us", "cn"], null, null, HumanRightsDialogue, LegalExpertsAgreed)),
        ["RegisterSource"] = (new SourceDecider(), [], new RegisterSource(Briefing, "Briefing by Michael H. Posner", "transcript")),
        ["ScheduleRound"] = (new RoundDecider(), [], new ScheduleRound(Round, HumanRightsDialogue, "2010-05-13/2010-05-14", "Washington, DC", WeMet)),
        ["HoldRound"] = (new RoundDecider(), [], new HoldRound(Round, HumanRightsDialogue, "2010-05-13/2010-05-14", "Washington, DC", "15th", WeMet)),
        ["NameDelegationMember"] = (new RoundDecider(), [WashingtonHeld], new NameDelegationMember(Round, "cn", "Chen Xu", null, null, true, ChenXuLed)),
        ["RecordSession"] = (new RoundDecider(), [WashingtonHeld], new RecordSession(Round, ["rule of law"], "2010-05-13", Topics)),
        ["RecordSiteVisit"] = (new RoundDecider(), [WashingtonHeld], new RecordSiteVisit(Round, "Supreme Court", null, ["rule of law"], null, SupremeCourt)),
        ["CharacteriseOutcome"] = (new RoundDecider(), [WashingtonHeld], new CharacteriseOutcome(Round, "us", "candid and constructive", CandidAndConstructive)),
        ["ConcludeRound"] = (new RoundDecider(), [WashingtonHeld], new ConcludeRound(Round, "2010-05-14", WeMet)),
        ["RecordStatement"] = (new StatementDecider(), [], new RecordStatement(BenchmarkStatement, "Michael H. Posner", null, "us", "briefing", "2010-05-14", null, BenchmarkWords, true, [], null, Round, Benchmark)),
        ["OpenCase"] = (new CaseDecider(), [], new OpenCase(LiuXiaobo, "person", [new CaseName("Liu Xiaobo", "Latn")], null, LiuXiaoboRaised)),
        ["RaiseCase"] = (new CaseDecider(), [LiuXiaoboOpened], new RaiseCase(LiuXiaobo, "us", "round", Round, true, "2010-05-13", LiuXiaoboRaised)),
        ["ReportCaseStatus"] = (new CaseDecider(), [LiuXiaoboOpened], new ReportCaseStatus(LiuXiaobo, "detained", "2010-05-14", null, null, null, "believed", "official", LiuXiaoboRaised)),
        ["RecordCaseResponse"] = (new CaseDecider(), [LiuXiaoboOpened, LiuXiaoboRaisedInRound], new RecordCaseResponse(LiuXiaobo, "cn", "no-response", "2010-05-14", null, LiuXiaoboRaised)),
        ["MakeCommitment"] = (new CommitmentDecider(), [], new MakeCommitment(NextRoundCommitment, ["us", "cn"], "a next round in China in 2011", "Hold the next round", "2010-05-14", "2011", "the calendar year", Round, NextRoundAgreed)),
        ["ReaffirmCommitment"] = (new CommitmentDecider(), [NextRoundPromised], new ReaffirmCommitment(NextRoundCommitment, ["us"], "2010-05-14", null, NextRoundAgreed)),
        ["RescheduleCommitment"] = (new CommitmentDecider(), [NextRoundPromised], new RescheduleCommitment(NextRoundCommitment, "2011", "sometime next year", "2010-05-14", NextRoundAgreed)),
        ["ReportCommitmentProgress"] = (new CommitmentDecider(), [NextRoundPromised], new ReportCommitmentProgress(NextRoundCommitment, "2010-05-14", "Invited back to Beijing.", NextRoundAgreed)),
        ["FulfilCommitment"] = (new CommitmentDecider(), [NextRoundPromised], new FulfilCommitment(NextRoundCommitment, "2011-04", "The 16th round was held in Beijing.", Streams.Round(NextRound), SixteenthMeeting)),
        ["DeclareCommitmentBroken"] = (new CommitmentDecider(), [NextRoundPromised], new DeclareCommitmentBroken(NextRoundCommitment, "2012", "us", "No round in 2011.", NextRoundAgreed)),
        ["WithdrawCommitment"] = (new CommitmentDecider(), [NextRoundPromised], new WithdrawCommitment(NextRoundCommitment, "2010-06", "cn", "Withdrawn.", NextRoundAgreed)),
        ["ReviewDialogueSources"] = (new DialogueDecider(), [LegalExpertsDialogueEstablished], new ReviewDialogueSources(LegalExpertsDialogue, "2010-05-14", "The briefing read whole.", NextRoundAgreed)),
        ["ReviewCommitmentSources"] = (new CommitmentDecider(), [NextRoundPromised], new ReviewCommitmentSources(NextRoundCommitment, "2011-04", "The CNN story read whole.", SixteenthMeeting)),
        ["RateCommitment"] = (new CommitmentDecider(), [NextRoundPromised], new RateCommitment(NextRoundCommitment, "kept", "The 16th round met in Beijing.", "analyst-1", "2012-07-25", SixteenthMeeting)),
        ["CorrectEntry"] = (new CorrectionDecider(), [WashingtonHeld], new CorrectEntry(Streams.Round(Round), 0, WashingtonHeld, "The ordinal was wrong.", SixteenthMeeting)),
        ["RetractEntry"] = (new CorrectionDecider(), [WashingtonHeld], new RetractEntry(Streams.Round(Round), 0, "Wrong stream.", WeMet)),
    };

    public static TheoryData<string> Commands => [.. Scenarios.Keys];

    [Fact]
    public void There_is_a_scenario_for_every_command()
    {
        var commands = typeof(IDomainCommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainCommand).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(commands, Scenarios.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Given_only_the_streams_a_command_refers_to_when_it_is_decided_then_it_is_accepted(string name)
    {
        var (decider, history, command) = Scenarios[name];
        var known = new Known(new HashSet<string>(command.References, StringComparer.Ordinal), Spec.Today);

        Assert.NotEmpty(decider.Decide(EntityFact.Of(history), command, known));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_appends_to_the_stream_of_the_entity_it_names(string name)
    {
        var command = Scenarios[name].Command;

        Assert.Matches("^(dialogue|source|round|statement|case|commitment)-[a-z0-9]", command.Stream);
    }
}
