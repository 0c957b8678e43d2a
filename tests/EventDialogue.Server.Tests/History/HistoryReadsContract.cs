using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Views;
using Grpc.Core;

namespace EventDialogue.Server.Tests.History;

/// <summary>
/// The history service's reads end to end: recorded through the recording service over a real socket against the real
/// server process, read back through ReadStream, ReadAll and Subscribe, on each backend. The store is shared with the
/// views tests on the same server, so every read is filtered by streams of the test's own.
/// </summary>
public abstract partial class HistoryReadsContract(ViewsServer server)
{
    protected ViewsServer Server { get; } = server;

    protected RecordingService.RecordingServiceClient Recording => Server.Recording;

    protected HistoryService.HistoryServiceClient History => new(Server.Channel);

    protected static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    protected static string Unique(string what) => $"{what}-{Guid.NewGuid():N}"[..(what.Length + 13)];

    protected static string RequestId() => $"req-{Guid.NewGuid():N}";

    /// <summary>Registers a source of the test's own, which its statements cite.</summary>
    protected static Task<(string SourceId, WriteResult Result)> RegisterSourceAsync(RecordingService.RecordingServiceClient recording) => RegisterSourceForAsync(recording);

    internal static async Task<(string SourceId, WriteResult Result)> RegisterSourceForAsync(RecordingService.RecordingServiceClient recording)
    {
        var sourceId = Unique("briefing");
        var result = (await recording.RegisterSourceAsync(new RegisterSourceRequest
        {
            RequestId = RequestId(),
            SourceId = sourceId,
            Title = "Briefing on the U.S. – China Human Rights Dialogue",
            Kind = "transcript",
            Publisher = "U.S. Department of State",
            Published = "2010-05-14",
        }, Call())).Result;
        return (sourceId, result);
    }

    protected static Task<WriteResult> RecordStatementAsync(RecordingService.RecordingServiceClient recording, string statementId, string sourceId, string text = "We had a candid discussion.", string? requestId = null) =>
        RecordStatementForAsync(recording, statementId, sourceId, text, requestId);

    internal static async Task<WriteResult> RecordStatementForAsync(RecordingService.RecordingServiceClient recording, string statementId, string sourceId, string text = "We had a candid discussion.", string? requestId = null) =>
        (await recording.RecordStatementAsync(new RecordStatementRequest
        {
            RequestId = requestId ?? RequestId(),
            StatementId = statementId,
            Speaker = "Michael Posner",
            Side = "us",
            Setting = "briefing",
            Said = "2010-05-14",
            Text = text,
            Exact = true,
            Source = new Citation { SourceId = sourceId, Quote = "a candid discussion" },
        }, Call())).Result;

    protected async Task<List<HistoryEvent>> ReadStreamAsync(ReadStreamRequest request)
    {
        using var call = History.ReadStream(request, Call());
        return [.. await call.ResponseStream.ReadAllAsync().Select(r => r.Event).ToListAsync()];
    }

    protected async Task<List<HistoryEvent>> ReadAllAsync(ReadAllRequest request)
    {
        using var call = History.ReadAll(request, Call());
        return [.. await call.ResponseStream.ReadAllAsync().Select(r => r.Event).ToListAsync()];
    }

    /// <summary>
    /// Waits until a reader of the log can see the event at this position. On PostgreSQL a write is acknowledged before
    /// every older transaction has ended, and the log shows it only once they have (so that no reader ever skips one);
    /// a subscription to the stream tells when, without polling.
    /// </summary>
    protected async Task WaitUntilReadableAsync(string stream, long position)
    {
        using var bound = new CancellationTokenSource(Timeouts.Call);
        using var call = History.Subscribe(new SubscribeRequest { AfterPosition = position - 1, Filter = Streams(stream) }, cancellationToken: bound.Token);
        while (await call.ResponseStream.MoveNext(bound.Token))
        {
            if (call.ResponseStream.Current.Event is { } seen && seen.Position >= position)
            {
                return;
            }
        }
    }

    protected static HistoryFilter Streams(params string[] streams) => new() { Streams = { streams } };
}

[Collection(SqliteViewsProcessGroup.Name)]
public sealed class SqliteHistoryReadsTests(SqliteViewsServer server) : HistoryReadsContract(server);

[Collection(PostgresViewsProcessGroup.Name)]
public sealed class PostgresHistoryReadsTests(PostgresViewsServer server) : HistoryReadsContract(server);
