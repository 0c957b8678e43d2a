using System.Globalization;

namespace EventDialogue.EventStore.Postgres.Views;

/// <summary>The payload of a checkpoint notification: "projection position" (projection names have no spaces).</summary>
internal static class CheckpointNotice
{
    public static string Format(string projection, Position checkpoint) =>
        string.Create(CultureInfo.InvariantCulture, $"{projection} {checkpoint.Value}");

    public static bool TryParse(string payload, out string projection, out Position checkpoint)
    {
        var space = payload.LastIndexOf(' ');
        if (space > 0 && long.TryParse(payload.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            projection = payload[..space];
            checkpoint = new Position(value);
            return true;
        }

        projection = string.Empty;
        checkpoint = Position.Start;
        return false;
    }
}
