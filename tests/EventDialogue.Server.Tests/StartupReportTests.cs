using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests;

public sealed class StartupReportTests
{
    [Fact]
    public async Task Given_a_store_holding_events_when_the_server_starts_then_its_output_names_the_grpc_and_json_addresses_the_store_its_head_and_the_views_file()
    {
        using var workingDirectory = new TempDirectory();
        var sqlitePath = Path.Combine(workingDirectory.Path, "history.sqlite");
        var head = await OpenedCases.AppendAsync(sqlitePath, "startup", count: 3);

        await using var server = ServerProcess.Start(workingDirectory.Path, new Dictionary<string, string> { ["EventStore:SqlitePath"] = sqlitePath });
        await server.WaitUntilServingAsync(Timeouts.ServerStart);

        var grpc = $"gRPC (HTTP/2) on {server.GrpcAddress.GetLeftPart(UriPartial.Authority)} (Kestrel:Endpoints:Grpc:Url)";
        var store = $"Event store: SQLite file {sqlitePath}, holding events up to position {head.Value}";
        var views = $"Views: SQLite file {Path.Combine(workingDirectory.Path, "history.views.sqlite")}";
        await server.Output.WaitForAsync(text => text.Contains(grpc, StringComparison.Ordinal) && text.Contains(store, StringComparison.Ordinal) && text.Contains(views, StringComparison.Ordinal), Timeouts.Call);
        Assert.Matches(@"JSON over HTTP/1\.1 on http://127\.0\.0\.1:\d+ \(Kestrel:Endpoints:Json:Url\)", server.Output.ToString());
    }
}
