using System.Globalization;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;

namespace EventDialogue.Server.History.Entries;

/// <summary>A past point of the record: a global position, or a recording time (both inclusive).</summary>
public sealed record AsOfPoint(Position? At, DateTimeOffset? RecordedAt)
{
    /// <summary>The point asked for: exactly one of a position (0 meaning not given) and a time.</summary>
    public static AsOfPoint Of(long atPosition, DateTimeOffset? atRecordedAt)
    {
        if (atPosition < 0)
        {
            throw DomainException.Invalid("at_position", $"must not be negative ({atPosition}): positions start at 1");
        }

        return (atPosition, atRecordedAt) switch
        {
            (0, null) => throw DomainException.Invalid("at_position", "give a position (or, instead, at_recorded_at): the point of the record to answer as of"),
            (> 0, not null) => throw DomainException.Invalid("at_recorded_at", "give either at_position or at_recorded_at, not both"),
            (> 0, null) => new AsOfPoint(new Position(atPosition), null),
            _ => new AsOfPoint(null, atRecordedAt),
        };
    }

    /// <summary>Whether the event was in the record at this point.</summary>
    public bool Includes(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return At is { } at ? recorded.Position <= at : recorded.RecordedAt <= RecordedAt!.Value;
    }

    /// <summary>Whether a reader of $all in position order can stop at this event: only a position bounds the log that way.</summary>
    public bool IsPast(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return At is { } at && recorded.Position > at;
    }

    public override string ToString() => At is { } at
        ? $"position {at.Value.ToString(CultureInfo.InvariantCulture)}"
        : $"{RecordedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}";
}
