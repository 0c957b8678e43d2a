namespace EventDialogue.EventStore;

/// <summary>Recorded-at is kept to the microsecond on every backend, so the same event reads back equal everywhere.</summary>
public static class UnixMicroseconds
{
    public static long From(DateTimeOffset moment) => (moment.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset ToDateTimeOffset(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);

    public static DateTimeOffset Truncate(DateTimeOffset moment) => ToDateTimeOffset(From(moment));
}
