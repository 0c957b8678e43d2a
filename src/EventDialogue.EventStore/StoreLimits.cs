namespace EventDialogue.EventStore;

/// <summary>Bounds on what one append may carry, the same on every backend.</summary>
public static class StoreLimits
{
    /// <summary>1 MiB of UTF-8 JSON per event: enough for a long statement with its quotes, small enough to keep reads of $all fast.</summary>
    public const int MaxEventDataBytes = 1024 * 1024;

    public const int MaxMetadataFieldLength = 200;

    public const int MaxEventsPerAppend = 1000;
}
