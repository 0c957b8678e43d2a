using EventDialogue.Domain.Common;
using EventDialogue.Server.Recording;
using EventDialogue.Server.Recording.Checking;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ApiExpectedRevision = EventDialogue.Api.V1.ExpectedRevision;
using StoreExpectedRevision = EventDialogue.EventStore.ExpectedRevision;

namespace EventDialogue.Server.Api.Common;

/// <summary>
/// From recording requests to what they record: the domain command each request names (<see cref="IRecordingRequest"/>),
/// with its request id, expected revision and recorder.
/// </summary>
internal static class RecordingRequests
{
    public const int MaxRequestsPerCheck = 1000;

    /// <summary>The service's recording requests by full name: what a check may pack (not a check itself).</summary>
    private static readonly Dictionary<string, Google.Protobuf.Reflection.MessageDescriptor> RequestTypes =
        EventDialogue.Api.V1.RecordingService.Descriptor.Methods.Select(method => method.InputType)
            .Where(type => typeof(IRecordingRequest).IsAssignableFrom(type.ClrType))
            .ToDictionary(type => type.FullName, StringComparer.Ordinal);

    /// <summary>The packed requests of a check, each turned into what it would record; a bad one is named by its index.</summary>
    public static IReadOnlyList<RecordCommand> ToRecordCommands(IReadOnlyList<Any> requests, string recordedBy)
    {
        if (requests.Count is 0 or > MaxRequestsPerCheck)
        {
            throw DomainException.Invalid("requests", $"a check takes 1 to {MaxRequestsPerCheck} requests, not {requests.Count}");
        }

        return [.. requests.Select((packed, i) =>
        {
            try
            {
                return ToRecordCommand(packed, recordedBy);
            }
            catch (DomainException refusal)
            {
                throw new CommandRefusedInCheckException(i, refusal);
            }
        })];
    }

    /// <summary>A packed request (of a check or a batch) turned into what it records.</summary>
    public static RecordCommand ToRecordCommand(Any packed, string recordedBy) => ToRecordCommand(Unpack(packed), recordedBy);

    public static RecordCommand ToRecordCommand(IMessage request, string recordedBy)
    {
        var recording = request as IRecordingRequest
            ?? throw DomainException.Invalid("request", $"{request.Descriptor.FullName} is not a recording request");
        var command = recording.ToCommand();
        StreamIds.Require(command);
        return new RecordCommand(command, recording.RequestId.OrNewRequestId(), recording.ExpectedRevision.ToStore(), recordedBy);
    }

    private static IMessage Unpack(Any packed) =>
        RequestTypes.TryGetValue(Any.GetTypeName(packed.TypeUrl), out var type)
            ? type.Parser.ParseFrom(packed.Value)
            : throw DomainException.Invalid("type_url", $"'{packed.TypeUrl}' is not a recording request of this service (e.g. type.googleapis.com/eventdialogue.v1.HoldRoundRequest)");

    /// <summary>A request without an id still gets one, for the events' correlation id; its retries are then new requests.</summary>
    private static string OrNewRequestId(this string requestId) => requestId.Length == 0 ? Guid.NewGuid().ToString() : requestId;

    private static StoreExpectedRevision? ToStore(this ApiExpectedRevision? expected) => expected?.KindCase switch
    {
        null => null,
        ApiExpectedRevision.KindOneofCase.Exact when expected.Exact < 0 =>
            throw DomainException.Invalid("expected_revision", $"an exact expected revision is 0 or more; {expected.Exact} is negative"),
        ApiExpectedRevision.KindOneofCase.Exact => StoreExpectedRevision.Exact(expected.Exact),
        ApiExpectedRevision.KindOneofCase.NoStream => StoreExpectedRevision.NoStream,
        ApiExpectedRevision.KindOneofCase.StreamExists => StoreExpectedRevision.StreamExists,
        ApiExpectedRevision.KindOneofCase.Any => StoreExpectedRevision.Any,
        _ => throw DomainException.Invalid("expected_revision", "set one of exact, no_stream, stream_exists or any, or leave expected_revision out"),
    };
}
