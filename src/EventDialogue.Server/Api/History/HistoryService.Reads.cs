using EventDialogue.Api.V1;
using Grpc.Core;

namespace EventDialogue.Server.Api.History;

/// <summary>
/// Reading the log. Each event is written as it is read and the next is read only once the write is done: gRPC's flow
/// control holds the write until the client takes it, so a slow client holds the read back instead of the server
/// buffering ahead of it.
/// </summary>
public sealed partial class HistoryService
{
    public override async Task ReadStream(ReadStreamRequest request, IServerStreamWriter<ReadStreamResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        await foreach (var recorded in Sender.CreateStream(request.ToQuery(), context.CancellationToken))
        {
            await responseStream.WriteAsync(new ReadStreamResponse { Event = recorded.ToHistoryEvent() });
        }
    }

    public override async Task ReadAll(ReadAllRequest request, IServerStreamWriter<ReadAllResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        await foreach (var entry in Sender.CreateStream(request.ToQuery(), context.CancellationToken))
        {
            await responseStream.WriteAsync(new ReadAllResponse { Event = entry.Event.ToHistoryEvent(entry.Redacted) });
        }
    }

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        await foreach (var message in Sender.CreateStream(request.ToQuery(), context.CancellationToken))
        {
            await responseStream.WriteAsync(message.ToResponse());
        }
    }
}
