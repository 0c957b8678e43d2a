using EventDialogue.Server.Access;
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
public sealed class StreamsService(ISender sender, ConfidentialEvents confidential) : Streams.StreamsBase
{
    public override async Task Read(ReadReq request, IServerStreamWriter<ReadResp> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var query = ReadRequestMapping.ToQuery(request);
        var structuredIds = request.Options.UuidOption?.ContentCase == ReadReq.Types.Options.Types.UUIDOption.ContentOneofCase.Structured;
        await foreach (var item in sender.CreateStream(query, context.CancellationToken))
        {
            // An event the caller is not cleared to see is simply not there, in stream and $all reads and subscriptions
            // alike. Reads leave it out before counting (EventStoreDbReads); this also covers subscriptions.
            if (item is ReadItem.Recorded { Value: var recorded } && await confidential.HiddenAsync(recorded, context.CancellationToken))
            {
                continue;
            }

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
