using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Errors;

/// <summary>
/// How the real server refuses what it cannot take — bytes that are not a message, parameters of the wrong kind, ids
/// that are empty or carry control characters, page tokens it did not sign — and how it logs each refusal. One server,
/// in this process, on a SQLite file of its own for the whole class, so that its log holds only these tests' calls.
/// </summary>
public sealed partial class ErrorTests(InProcessSqliteRecordingServer server) : IClassFixture<InProcessSqliteRecordingServer>, IDisposable
{
    private readonly GrpcChannel _channel = server.Host.CreateChannel();

    private RecordingService.RecordingServiceClient Recording => server.Client;

    private ViewsService.ViewsServiceClient Views => new(_channel);

    private CapturedOutput Log => server.Host.Output;

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    public void Dispose() => _channel.Dispose();
}
