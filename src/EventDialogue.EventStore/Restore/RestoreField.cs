using System.Globalization;

namespace EventDialogue.EventStore.Restore;

/// <summary>How a refusal names a restored event's field: by the event's position, the one thing an export line shows first.</summary>
public static class RestoreField
{
    public static string Of(long position, string field) => string.Create(CultureInfo.InvariantCulture, $"events[position {position}].{field}");
}
