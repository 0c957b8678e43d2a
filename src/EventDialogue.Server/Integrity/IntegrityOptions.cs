using System.Globalization;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.EventStore;

namespace EventDialogue.Server.Integrity;

/// <summary>How the server signs the log: the "Integrity" configuration section, checked.</summary>
/// <param name="SigningKeyPath">The key file, as a full path.</param>
/// <param name="LogName">The checkpoints' origin and the signing key's name.</param>
/// <param name="CheckpointInterval">At most one checkpoint this often.</param>
/// <param name="StartupCheckEvents">How many of the log's last events the start-up check replays (0: none).</param>
public sealed record IntegrityOptions(string SigningKeyPath, string LogName, TimeSpan CheckpointInterval, int StartupCheckEvents = IntegrityOptions.DefaultStartupCheckEvents)
{
    public const string Section = "Integrity";
    public const string SigningKeyPathKey = Section + ":SigningKeyPath";
    public const string LogNameKey = Section + ":LogName";
    public const string CheckpointIntervalSecondsKey = Section + ":CheckpointIntervalSeconds";
    public const string StartupCheckEventsKey = Section + ":StartupCheckEvents";

    public const string DefaultLogName = "eventdialogue.local/log";
    public const string DefaultPostgresKeyPath = "data/eventdialogue.log-key";
    public const string KeyFileSuffix = ".log-key";
    public const int DefaultIntervalSeconds = 5;
    public const int MaxIntervalSeconds = 86_400;
    public const int DefaultStartupCheckEvents = 1000;

    /// <exception cref="IntegrityStartException">A setting is wrong.</exception>
    public static IntegrityOptions Read(IConfiguration configuration, EventStoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(store);
        var logName = configuration[LogNameKey] ?? DefaultLogName;
        try
        {
            // The origin is the key's name too, and a checkpoint's first line: a valid key name is also a valid origin.
            using var probe = NoteKey.Generate(logName);
        }
        catch (FormatException)
        {
            throw new IntegrityStartException($"{LogNameKey} is \"{logName}\"; it must be a name with no spaces and no '+' (e.g. \"{DefaultLogName}\").");
        }

        var keyPath = configuration[SigningKeyPathKey];
        if (keyPath is not null && string.IsNullOrWhiteSpace(keyPath))
        {
            throw new IntegrityStartException($"{SigningKeyPathKey} is empty; give the signing key's file, or leave it unset for the default.");
        }

        keyPath ??= store.Backend == EventStoreBackend.Sqlite ? store.SqlitePath + KeyFileSuffix : DefaultPostgresKeyPath;
        return new IntegrityOptions(Path.GetFullPath(keyPath), logName, TimeSpan.FromSeconds(ParseInterval(configuration[CheckpointIntervalSecondsKey])), ParseStartupCheck(configuration[StartupCheckEventsKey]));
    }

    private static int ParseInterval(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultIntervalSeconds;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= MaxIntervalSeconds
            ? seconds
            : throw new IntegrityStartException($"{CheckpointIntervalSecondsKey} is \"{value}\"; it must be a whole number of seconds from 1 to {MaxIntervalSeconds}.");
    }

    private static int ParseStartupCheck(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultStartupCheckEvents;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var events)
            ? events
            : throw new IntegrityStartException($"{StartupCheckEventsKey} is \"{value}\"; it must be a whole number of events, 0 or more (0 checks only the signed checkpoints).");
    }
}
