using EventDialogue.Api.V1;
using EventDialogue.Client.Connection;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// An auditor not cleared for confidential entries verifies a log that holds one (#12): the server shows it only as its
/// position and leaf hash, and `history verify --full` still recomputes the signed root. A changed event, redacted or
/// not, still fails. The SQLite server of the integrity collection, with checkpoints signed every second.
/// </summary>
[Collection(SqliteIntegrityGroup.Name)]
public sealed class ConfidentialVerifyTests(SqliteIntegrityServer server)
{
    private const int NotVerified = 4;

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public async Task Given_a_log_with_a_case_raised_in_confidence_when_an_uncleared_auditor_verifies_it_in_full_then_it_passes_and_a_changed_event_still_fails()
    {
        var (secret, after) = await RecordWithConfidentialRaisingAsync();
        await server.CheckpointCoveringAsync(after);
        var keys = new KeysService.KeysServiceClient(server.Channel);
        var auditorKey = (await keys.CreateKeyAsync(new CreateKeyRequest { Name = Valid.Id("conf-auditor"), Roles = { "auditor" } }, Call())).Key;

        using var auditorChannel = ServerChannel.Create(server.Address, auditorKey, null);
        var proof = await new AuditService.AuditServiceClient(auditorChannel).GetInclusionProofAsync(new GetInclusionProofRequest { Position = secret }, Call());
        Assert.True(proof.Event.Redacted);
        Assert.Equal(new HistoryEvent { Position = secret, LeafHash = proof.LeafHash, Redacted = true }, proof.Event);

        var verified = await VerifyAsync(auditorKey);
        Assert.True(verified.ExitCode == 0, verified.ToString());

        await server.ExecuteAsync($"UPDATE events SET data = replace(data, 'sentenced', 'sentenced-edited') WHERE position = {after}");
        try
        {
            var changed = await VerifyAsync(auditorKey);
            Assert.True(changed.ExitCode == NotVerified, changed.ToString());
            Assert.Contains($"position {after}", changed.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await server.ExecuteAsync($"UPDATE events SET data = replace(data, 'sentenced-edited', 'sentenced') WHERE position = {after}");
        }

        await server.ExecuteAsync($"UPDATE events SET data = replace(data, '2010-05-13', '2010-05-12') WHERE position = {secret}");
        try
        {
            var hidden = await VerifyAsync(auditorKey);
            Assert.True(hidden.ExitCode == NotVerified, hidden.ToString());
            Assert.Contains($"position {secret}", hidden.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await server.ExecuteAsync($"UPDATE events SET data = replace(data, '2010-05-12', '2010-05-13') WHERE position = {secret}");
        }

        Assert.True((await VerifyAsync(auditorKey)).ExitCode == 0);
    }

    private Task<ProcessRun> VerifyAsync(string apiKey) =>
        CliProcess.RunWithKeyAsync(apiKey, "--server", server.Address.ToString(), "history", "verify", "--verifier-key", server.PrintedVerifierKey, "--full");

    /// <summary>A case opened, raised in confidence and its status reported; the positions of the raising and the report.</summary>
    private async Task<(long Secret, long After)> RecordWithConfidentialRaisingAsync()
    {
        var source = Valid.Id("conf-src");
        var caseId = Valid.Id("conf-case");
        await server.Recording.RegisterSourceAsync(Valid.Source(source), Call());
        await server.Recording.OpenCaseAsync(Valid.OpenCase(caseId, source), Call());
        var raising = Valid.RaiseCase(caseId, string.Empty, source);
        raising.Channel = "letter";
        raising.Publicly = false;
        raising.InConfidence = true;
        var secret = (await server.Recording.RaiseCaseAsync(raising, Call())).Result.Position;
        var after = (await server.Recording.ReportCaseStatusAsync(Valid.CaseStatus(caseId, source), Call())).Result.Position;
        return (secret, after);
    }
}
