namespace EventDialogue.Server.History.Reads;

/// <summary>How often a subscription says where it has read to while nothing matches its filter.</summary>
internal static class CheckpointInterval
{
    public const string Field = "checkpoint_interval_seconds";
    public const int DefaultSeconds = 5;
    public const int MaxSeconds = 3600;

    public static TimeSpan Read(int seconds, ReadArguments arguments)
    {
        if (seconds is < 0 or > MaxSeconds)
        {
            arguments.Add(Field, $"an interval is 1 to {MaxSeconds} seconds (0 for the default of {DefaultSeconds}); {seconds} is not");
            return TimeSpan.FromSeconds(DefaultSeconds);
        }

        return TimeSpan.FromSeconds(seconds == 0 ? DefaultSeconds : seconds);
    }
}
