using System.Text;
using EventDialogue.EventStore;
using EventDialogue.Server.EventStoreDb.Protocol;
using Google.Protobuf;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// Our answers in EventStoreDB's words. Its commit and prepare positions are both our position (one event, one place
/// in $all); its stream revision is our revision; its "created" is .NET ticks (100 ns) since the Unix epoch.
/// </summary>
public static class ReadResponses
{
    public const string JsonContentType = "application/json";

    public static ReadResp ToResponse(ReadItem item, bool structuredIds)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item switch
        {
            ReadItem.Recorded e => new ReadResp { Event = ToReadEvent(e.Value, structuredIds) },
            ReadItem.StreamNotFound e => new ReadResp { StreamNotFound = new ReadResp.Types.StreamNotFound { StreamIdentifier = Identifier(e.Stream) } },
            ReadItem.Confirmation e => new ReadResp { Confirmation = new ReadResp.Types.SubscriptionConfirmation { SubscriptionId = e.SubscriptionId } },
            ReadItem.Checkpoint e => new ReadResp { Checkpoint = new ReadResp.Types.Checkpoint { CommitPosition = Unsigned(e.Position), PreparePosition = Unsigned(e.Position) } },
            ReadItem.CaughtUp => new ReadResp { CaughtUp = new ReadResp.Types.CaughtUp() },
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "not a read item"),
        };
    }

    public static long CreatedTicks(DateTimeOffset recordedAt) => (recordedAt - DateTimeOffset.UnixEpoch).Ticks;

    private static ReadResp.Types.ReadEvent ToReadEvent(RecordedEvent recorded, bool structuredIds) => new()
    {
        Event = new ReadResp.Types.ReadEvent.Types.RecordedEvent
        {
            Id = Uuid(recorded.EventId, structuredIds),
            StreamIdentifier = Identifier(recorded.Stream.Value),
            StreamRevision = (ulong)recorded.Revision,
            CommitPosition = Unsigned(recorded.Position),
            PreparePosition = Unsigned(recorded.Position),
            Metadata =
            {
                ["type"] = recorded.Type,
                ["content-type"] = JsonContentType,
                ["created"] = CreatedTicks(recorded.RecordedAt).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            CustomMetadata = ByteString.CopyFromUtf8(EventMetadataJson.Serialize(recorded.Metadata)),
            Data = ByteString.CopyFromUtf8(recorded.Data),
        },
        CommitPosition = Unsigned(recorded.Position),
    };

    private static StreamIdentifier Identifier(string stream) => new() { StreamName = ByteString.CopyFrom(Encoding.UTF8.GetBytes(stream)) };

    private static ulong Unsigned(Position position) => (ulong)position.Value;

    // Structured ids are the RFC 4122 bytes (big-endian) split into two signed 64-bit halves, as Java's UUID keeps them.
    private static UUID Uuid(Guid id, bool structured)
    {
        if (!structured)
        {
            return new UUID { String = id.ToString() };
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return new UUID
        {
            Structured = new UUID.Types.Structured
            {
                MostSignificantBits = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes),
                LeastSignificantBits = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes[8..]),
            },
        };
    }
}
