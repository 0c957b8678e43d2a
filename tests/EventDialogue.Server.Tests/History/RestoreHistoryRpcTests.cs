using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.Server.Tests.Hosting;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.History;

/// <summary>RestoreHistory called directly, as any gRPC client may: what the command-line client checks first, the server checks too.</summary>
[Collection(ExportRestoreGroup.Name)]
public sealed class RestoreHistoryRpcTests(ExportRestoreServers servers)
{
    private static readonly JsonParser Lines = new(JsonParser.Settings.Default);

    public static TheoryData<string, string> UnreadableFields() => new()
    {
        { "event_id", "not-a-uuid" },
        { "stream", "Not A Stream" },
        { "recorded_at", string.Empty },
        { "schema_version", "0" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFields))]
    public async Task Given_an_event_with_a_field_that_cannot_be_stored_when_restoring_over_gRPC_then_INVALID_ARGUMENT_names_its_position_and_field_and_nothing_is_restored(string field, string value)
    {
        var events = await ExportedAsync();
        var bad = events[6];
        switch (field)
        {
            case "event_id": bad.EventId = value; break;
            case "stream": bad.Stream = value; break;
            case "recorded_at": bad.RecordedAt = null; break;
            case "schema_version": bad.SchemaVersion = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        await GrpcRefusals.InvalidAsync($"events[position {bad.Position}].{field}", () => RestoreAsync(servers.Empty, events));

        Assert.Equal(Position.Start, await servers.Empty.Store.ReadHeadPositionAsync());
    }

    [Fact]
    public async Task Given_a_store_that_holds_events_when_restoring_over_gRPC_then_FAILED_PRECONDITION_says_how_far_it_goes()
    {
        var events = await ExportedAsync();

        var status = await GrpcRefusals.RefusedAsync(StatusCode.FailedPrecondition, () => RestoreAsync(servers.Postgres, events));

        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal("STORE_NOT_EMPTY", info?.Reason);
        Assert.Equal(servers.History.Head.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), info?.Metadata["head_position"]);
    }

    private async Task<List<HistoryEvent>> ExportedAsync() =>
        [.. (await File.ReadAllLinesAsync(servers.SourceExport)).Where(line => !line.StartsWith("{\"exportTrailer\"", StringComparison.Ordinal)).Select(line => Lines.Parse<HistoryEvent>(line))];

    /// <summary>Sends the events two to a message, then takes the answer; a refusal ends the call early, so a write may fail first.</summary>
    private static async Task RestoreAsync(Recording.RecordingServer server, List<HistoryEvent> events)
    {
        using var call = ExportRestoreServers.HistoryClient(server).RestoreHistory(deadline: DateTime.UtcNow + Timeouts.Call);
        try
        {
            foreach (var pair in events.Chunk(2))
            {
                await call.RequestStream.WriteAsync(new RestoreHistoryRequest { Events = { pair } });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // the answer below says why
        }

        await call.ResponseAsync;
    }
}
