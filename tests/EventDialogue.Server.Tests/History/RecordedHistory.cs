using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;

namespace EventDialogue.Server.Tests.History;

/// <summary>A small history with something of each view in it, a correction and a retraction, recorded through the API.</summary>
public sealed record RecordedHistory(string RoundId, string CaseId, string StatementId, string CommitmentId, Position Head)
{
    public static async Task<RecordedHistory> RecordAsync(RecordingService.RecordingServiceClient client, IEventStore store)
    {
        var sourceId = Valid.Id("briefing");
        var dialogueId = Valid.Id("dialogue");
        var roundId = Valid.Id("round");
        var caseId = Valid.Id("case");
        var statementId = Valid.Id("statement");
        var commitmentId = Valid.Id("commitment");

        await client.RegisterSourceAsync(Valid.Source(sourceId), deadline: Deadline());
        await client.EstablishDialogueAsync(Valid.Dialogue(dialogueId, sourceId), deadline: Deadline());
        await client.HoldRoundAsync(Valid.HoldRound(roundId, dialogueId, sourceId), deadline: Deadline());
        await client.RecordSessionAsync(Valid.Session(roundId, sourceId), deadline: Deadline());
        await client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId), deadline: Deadline());
        await client.RecordStatementAsync(Valid.Statement(statementId, sourceId, roundId), deadline: Deadline());
        await client.OpenCaseAsync(Valid.OpenCase(caseId, sourceId), deadline: Deadline());
        await client.RaiseCaseAsync(Valid.RaiseCase(caseId, roundId, sourceId), deadline: Deadline());
        await client.MakeCommitmentAsync(Valid.Commitment(commitmentId, sourceId, roundId), deadline: Deadline());
        await client.CorrectEntryAsync(Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId), deadline: Deadline());
        await client.RetractEntryAsync(Valid.Retract($"round-{roundId}", 1), deadline: Deadline());
        return new RecordedHistory(roundId, caseId, statementId, commitmentId, await store.ReadHeadPositionAsync());
    }

    private static DateTime Deadline() => DateTime.UtcNow + Timeouts.Call;
}
