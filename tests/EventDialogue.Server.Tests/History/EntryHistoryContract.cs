using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using EventDialogue.Server.Tests.Views;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.History;

/// <summary>
/// One entry's story and its past states, end to end: recorded, corrected and retracted through the recording service
/// against the real server, then read back through the history service and compared with what the live views
/// answered at each moment. Runs in the views collections, on their server, with ids of its own.
/// </summary>
public abstract partial class EntryHistoryContract(ViewsServer server)
{
    protected ViewsServer Server { get; } = server;

    protected RecordingService.RecordingServiceClient Recording => Server.Recording;

    protected ViewsService.ViewsServiceClient Views => Server.Views;

    protected HistoryService.HistoryServiceClient History => new(Server.Channel);

    protected static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    protected static string RequestId() => $"req-{Guid.NewGuid():N}";

    protected static string Suffix() => Guid.NewGuid().ToString("N")[..10];

    protected static Citation Cite(string sourceId, string quote = "") => new() { SourceId = sourceId, Quote = quote };

    /// <summary>A source, a dialogue and a round held in it; the ids and the position of the last write.</summary>
    protected async Task<(string SourceId, string DialogueId, string RoundId, long Position)> GivenARoundAsync(string s)
    {
        var sourceId = $"state-briefing-{s}";
        var dialogueId = $"us-china-{s}";
        var roundId = $"2010-washington-{s}";
        await Recording.RegisterSourceAsync(Valid.Source(sourceId), Call());
        await Recording.EstablishDialogueAsync(Valid.Dialogue(dialogueId, sourceId), Call());
        var held = await Recording.HoldRoundAsync(new HoldRoundRequest
        {
            RequestId = RequestId(),
            RoundId = roundId,
            DialogueId = dialogueId,
            Dates = "2010-05-13/2010-05-14",
            Place = "Washington, DC",
            Ordinal = "15th",
            Source = Cite(sourceId, "We met yesterday and today."),
        }, Call());
        return (sourceId, dialogueId, roundId, held.Result.Position);
    }

    protected async Task<GetEntryAsOfResponse> AtPositionAsync(string stream, long position) =>
        await History.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = stream, AtPosition = position }, Call());

    protected async Task<GetEntryAsOfResponse> AtTimeAsync(string stream, Timestamp at) =>
        await History.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = stream, AtRecordedAt = at }, Call());

    /// <summary>NOT_FOUND whose message names what is missing.</summary>
    protected static async Task<Google.Rpc.Status> NotFoundAsync(string missing, Func<Task> call)
    {
        var status = await GrpcRefusals.RefusedAsync(StatusCode.NotFound, call);
        Assert.Contains(missing, status.Message, StringComparison.Ordinal);
        Assert.NotNull(status.GetDetail<ResourceInfo>());
        return status;
    }

    protected static Task<BadRequest.Types.FieldViolation> InvalidAsync(string field, Func<Task> call) => GrpcRefusals.InvalidAsync(field, call);
}

[Collection(SqliteViewsProcessGroup.Name)]
public sealed class SqliteEntryHistoryTests(SqliteViewsServer server) : EntryHistoryContract(server);

[Collection(PostgresViewsProcessGroup.Name)]
public sealed class PostgresEntryHistoryTests(PostgresViewsServer server) : EntryHistoryContract(server);
