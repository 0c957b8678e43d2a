using EventDialogue.Domain.Common;
using ApiExpectedRevision = EventDialogue.Api.V1.ExpectedRevision;
using StoreExpectedRevision = EventDialogue.EventStore.ExpectedRevision;

namespace EventDialogue.Server.Api.Common;

/// <summary>The two fields every recording request carries besides its command.</summary>
internal static class RecordingRequests
{
    /// <summary>A request without an id still gets one, for the events' correlation id; its retries are then new requests.</summary>
    public static string OrNewRequestId(this string requestId) => requestId.Length == 0 ? Guid.NewGuid().ToString() : requestId;

    public static StoreExpectedRevision? ToStore(this ApiExpectedRevision? expected) => expected?.KindCase switch
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
