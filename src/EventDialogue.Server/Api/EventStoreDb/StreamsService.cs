using EventDialogue.Server.EventStoreDb.Protocol;
using Grpc.Core;
using Mediator;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// EventStoreDB's streams service, read side, so that its own clients replay and follow our history unchanged: a read
/// maps to one of our queries, whose answers go back as EventStoreDB's messages. Appends are refused (see
/// <see cref="EventStoreDbAppendRefusedException"/>); docs/eventstoredb.md has the whole mapping.
/// </summary>
[BindServiceMethod(typeof(StreamsServiceBinding), nameof(StreamsServiceBinding.BindService))]
public sealed class StreamsService(ISender sender) : Streams.StreamsBase
{
    public override async Task Read(ReadReq request, IServerStreamWriter<ReadResp> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var query = ReadRequestMapping.ToQuery(request);
        var structuredIds = request.Options.UuidOption?.ContentCase == ReadReq.Types.Options.Types.UUIDOption.ContentOneofCase.Structured;
        // The handlers leave out what the caller is not cleared to see (EventStoreDbReads, EventStoreDbSubscriptions).
        await foreach (var item in sender.CreateStream(query, context.CancellationToken))
        {
            await responseStream.WriteAsync(ReadResponses.ToResponse(item, structuredIds), context.CancellationToken);
        }
    }

    /// <summary>Reads the first message only to name the stream in the refusal; nothing is appended.</summary>
    public override async Task<AppendResp> Append(IAsyncStreamReader<AppendReq> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        string? stream = null;
        if (await requestStream.MoveNext(context.CancellationToken) && requestStream.Current.Options?.StreamIdentifier is { } identifier)
        {
            stream = identifier.StreamName.ToStringUtf8();
        }

        throw new EventStoreDbAppendRefusedException(stream);
    }
}
