using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// The operator's account of who changed the record: each command recorded is logged in one line with its principal
/// and where its events went, a retry as written before, and a refusal once (by the error interceptor) naming the
/// caller. One server of its own, so that its log holds only these tests' calls.
/// </summary>
public sealed class RecordingLogTests(SqliteRecordingServer server) : IClassFixture<SqliteRecordingServer>
{
    private CapturedOutput Log => server.Process.Output;

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public async Task A_recorded_command_is_logged_once_with_its_principal_and_where_its_events_went_and_its_retry_as_written_before()
    {
        var source = Valid.Source(Valid.Id("logged-source"));

        var first = await server.Client.RegisterSourceAsync(source, Call());
        await server.Client.RegisterSourceAsync(source, Call());

        var stream = $"source-{source.SourceId}";
        await Log.WaitForAsync(text => Lines(text, stream).Count == 2, Timeouts.Call);
        var lines = Lines(Log.ToString(), stream);
        Assert.Contains(
            $"RegisterSource by {RecordingServer.RecordedBy}: recorded 1 event(s) in {stream}, now at revision 0, position {first.Result.Position}",
            lines[0],
            StringComparison.Ordinal);
        Assert.Contains($"RegisterSource by {RecordingServer.RecordedBy}: request {source.RequestId} was recorded before", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_command_is_logged_once_naming_the_caller_and_not_as_recorded()
    {
        var source = Valid.Source(Valid.Id("cited-source"));
        await server.Client.RegisterSourceAsync(source, Call());
        var missing = Valid.Id("never-opened");

        // the source exists, so the refusal is for the case, and names it
        await Assert.ThrowsAsync<RpcException>(async () => await server.Client.RaiseCaseAsync(Valid.RaiseCase(missing, Valid.Id("round"), source.SourceId), Call()));

        await Log.WaitForAsync(text => Lines(text, missing).Count > 0, Timeouts.Call);
        var line = Assert.Single(Lines(Log.ToString(), missing));
        Assert.Contains("RaiseCase refused: ", line, StringComparison.Ordinal);
        Assert.Contains($"(caller {RecordingServer.RecordedBy})", line, StringComparison.Ordinal);
    }

    private static List<string> Lines(string log, string mentioning) =>
        [.. log.Split('\n').Where(line => line.Contains(mentioning, StringComparison.Ordinal))];
}
