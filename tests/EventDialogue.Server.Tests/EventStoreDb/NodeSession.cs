using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using EventDialogue.Server.Tests.Views;
using Grpc.Core;

namespace EventDialogue.Server.Tests.EventStoreDb;

/// <summary>
/// One session of EventStoreDB's Node client against the server: a short history recorded through our recording
/// service first (a source, a dialogue, a round held with two delegation members), then the client's calls, with the
/// live event recorded as soon as the client says its subscriptions have caught up.
/// </summary>
public sealed record NodeSession(
    JsonElement Result,
    string Stderr,
    string RoundStream,
    IReadOnlyList<WriteResult> RoundWrites,
    string MissingStream,
    string LiveStream,
    WriteResult LiveWrite,
    string ServerOutput)
{
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(3);

    public static async Task<NodeSession> RunAsync(ViewsServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        await NodeClient.EnsureInstalledAsync();
        var sourceId = Valid.Id("esdb-source");
        var dialogueId = Valid.Id("esdb-dialogue");
        var roundId = Valid.Id("esdb-round");
        var liveSourceId = Valid.Id("esdb-live");
        var recording = server.Recording;

        await recording.RegisterSourceAsync(Valid.Source(sourceId), Call());
        await recording.EstablishDialogueAsync(Valid.Dialogue(dialogueId, sourceId), Call());
        var roundWrites = new List<WriteResult>
        {
            (await recording.HoldRoundAsync(Valid.HoldRound(roundId, dialogueId, sourceId), Call())).Result,
            (await recording.NameDelegationMemberAsync(Valid.Member(roundId, sourceId), Call())).Result,
            (await recording.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, side: "cn", name: "Chen Xu", leads: true), Call())).Result,
        };
        var roundStream = roundWrites[0].Stream;
        var liveStream = $"source-{liveSourceId}";
        var missingStream = $"round-{Valid.Id("esdb-missing")}";

        var arguments = JsonSerializer.Serialize(new
        {
            address = $"{server.GrpcAddress.Host}:{server.GrpcAddress.Port}",
            stream = roundStream,
            missingStream,
            liveStream,
            prefix = roundStream,
            apiKey = ServerProcess.AdminKey,
        });
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeClient.Folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(NodeClient.Script);
        startInfo.ArgumentList.Add(arguments);

        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(SessionTimeout);
        WriteResult? liveWrite = null;
        string? last = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                last = line;
                if (line == """{"waiting":"live"}""")
                {
                    liveWrite = (await recording.RegisterSourceAsync(Valid.Source(liveSourceId), Call())).Result;
                }
            }

            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the Node client's session did not finish within {SessionTimeout}; last line: {last}; server: {server.Output}");
        }

        var errors = await stderr;
        Assert.True(process.ExitCode == 0 && last is not null, $"the Node client's session failed (exit {process.ExitCode}): {last}\n{errors}\n--- server\n{server.Output}");
        Assert.NotNull(liveWrite);
        using var document = JsonDocument.Parse(last);
        return new NodeSession(document.RootElement.Clone(), errors, roundStream, roundWrites, missingStream, liveStream, liveWrite, server.Output);
    }

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    public override string ToString() => new StringBuilder().Append(Result.ToString()).Append("\n--- stderr\n").Append(Stderr).ToString();
}
