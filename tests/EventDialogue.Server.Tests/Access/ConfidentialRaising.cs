using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Access;

/// <summary>A case raised in confidence, and the positions a caller reads of its stream: how each kind of principal's clearance is told.</summary>
internal static class ConfidentialRaising
{
    /// <summary>Opens a case and raises it in confidence; the raising's stream (the case's companion for facts in confidence) and position.</summary>
    public static async Task<(string Stream, long Position)> RecordAsync(RecordingService.RecordingServiceClient recording)
    {
        var source = Valid.Id("conf-src");
        var caseId = Valid.Id("conf-case");
        await recording.RegisterSourceAsync(Valid.Source(source), Call());
        await recording.OpenCaseAsync(Valid.OpenCase(caseId, source), Call());
        var raising = Valid.RaiseCase(caseId, string.Empty, source);
        raising.Channel = "letter";
        raising.Publicly = false;
        raising.InConfidence = true;
        var written = await recording.RaiseCaseAsync(raising, Call());
        return (written.Result.Stream, written.Result.Position);
    }

    /// <summary>The positions the caller reads of the stream: none when, to the caller, it does not exist (a companion stream to the uncleared).</summary>
    public static async Task<List<long>> PositionsAsync(GrpcChannel channel, string stream)
    {
        using var call = new HistoryService.HistoryServiceClient(channel).ReadStream(new ReadStreamRequest { Stream = stream }, Call());
        try
        {
            return await call.ResponseStream.ReadAllAsync().Select(r => r.Event.Position).ToListAsync();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return [];
        }
    }

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);
}
