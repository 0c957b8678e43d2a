using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EventDialogue.Server.Tests.Faults;

/// <summary>
/// The SQLite store fills up while a client records (EventStore:SqliteMaxSizeBytes stands in for a small disk: SQLite
/// answers SQLITE_FULL either way, and the test needs neither root nor a mount): appends are refused saying the store
/// is full, the file stays sound with every acknowledged write in it, and recording resumes once there is room.
/// </summary>
public sealed class SqliteDiskFullTests(ITestOutputHelper output) : IDisposable
{
    private const long SmallCap = 1024 * 1024;
    private const long RoomAgain = 64 * 1024 * 1024;
    private const int MostAttempts = 2_000;

    private readonly TempDirectory _workingDirectory = new();

    public void Dispose() => _workingDirectory.Dispose();

    [Fact]
    public async Task Given_a_full_sqlite_store_when_clients_record_then_they_are_refused_as_store_full_nothing_is_corrupted_and_recording_resumes_when_there_is_room()
    {
        var store = new SqliteFaultStore(_workingDirectory.Path);
        var source = Valid.Source(Valid.Id("source"));
        var acknowledged = new List<Acknowledged>();
        var refused = new List<RecordStatementRequest>();
        await using (var server = await StartAsync(store, SmallCap))
        {
            using var channel = server.CreateChannel();
            var recording = new RecordingService.RecordingServiceClient(channel);
            await recording.RegisterSourceAsync(source, deadline: DateTime.UtcNow + Timeouts.Call);
            await using var events = await store.OpenEventsAsync();
            while (refused.Count < 3)
            {
                Assert.True(acknowledged.Count < MostAttempts, $"{acknowledged.Count} statements fitted under a cap of {SmallCap} bytes");
                var request = LongStatement(source.SourceId);
                var headBefore = await events.ReadHeadPositionAsync();
                try
                {
                    var response = await recording.RecordStatementAsync(request, deadline: DateTime.UtcNow + Timeouts.Call);
                    acknowledged.Add(new Acknowledged(request, response.Result));
                }
                catch (RpcException e)
                {
                    AssertStoreFull(e);
                    Assert.Equal(headBefore, await events.ReadHeadPositionAsync());
                    refused.Add(request);
                }
            }

            Assert.False(server.HasExited, $"the server died of a full store. Output:\n{server.Output}");
            Assert.NotEmpty(acknowledged);
        }

        Assert.Equal("ok", IntegrityCheck(store.DatabasePath));
        await using (var events = await store.OpenEventsAsync())
        {
            await WrittenOnce.AssertAsync(events, acknowledged, new HashSet<string>(StringComparer.Ordinal) { source.RequestId });
        }

        await using (var server = await StartAsync(store, RoomAgain))
        {
            using var channel = server.CreateChannel();
            var recording = new RecordingService.RecordingServiceClient(channel);
            foreach (var request in refused.Append(LongStatement(source.SourceId)))
            {
                var response = await recording.RecordStatementAsync(request, deadline: DateTime.UtcNow + Timeouts.Call);
                Assert.False(response.Result.Replayed, $"{request.RequestId} was refused, yet its retry is a replay: the refused call recorded something");
                acknowledged.Add(new Acknowledged(request, response.Result));
            }
        }

        Assert.Equal("ok", IntegrityCheck(store.DatabasePath));
        await using (var events = await store.OpenEventsAsync())
        {
            var logLength = await WrittenOnce.AssertAsync(events, acknowledged, new HashSet<string>(StringComparer.Ordinal) { source.RequestId });
            output.WriteLine($"SQLite capped at {SmallCap} bytes: {acknowledged.Count - refused.Count - 1} statements fitted, {refused.Count} refused as full, all recorded after the cap was raised; {logLength} events checked");
        }
    }

    private static RecordStatementRequest LongStatement(string sourceId)
    {
        var request = Valid.Statement(Valid.Id("full"), sourceId);
        // Large enough to fill the cap in a few hundred calls, with the request id inside for WrittenOnce to find.
        request.Text = $"{request.RequestId}: {string.Concat(Enumerable.Repeat("We raised the rule of law and the cases of concern. ", 40))}";
        return request;
    }

    /// <summary>RESOURCE_EXHAUSTED, STORE_FULL, saying so: a client knows the request was not recorded and may be retried once there is room.</summary>
    private static void AssertStoreFull(RpcException e)
    {
        Assert.True(e.StatusCode == StatusCode.ResourceExhausted, $"a full store answered {e.StatusCode} '{e.Status.Detail}', not RESOURCE_EXHAUSTED");
        Assert.Matches("(?i)full|disk space", e.Status.Detail);
        Assert.Equal("STORE_FULL", e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "no answer";
    }

    private static async Task<ServerProcess> StartAsync(SqliteFaultStore store, long maxSizeBytes)
    {
        var settings = new Dictionary<string, string>(store.Settings) { ["EventStore:SqliteMaxSizeBytes"] = maxSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var server = ServerProcess.Start(store.WorkingDirectory, settings, store.Environment);
        try
        {
            await server.WaitUntilServingAsync(Timeouts.ServerStart);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
