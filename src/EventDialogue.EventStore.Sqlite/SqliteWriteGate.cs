using System.Collections.Concurrent;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// One turn at writing per database file for the whole process. SQLite allows one writer at a time and hands the
/// lock to whoever retries first, so busy writers (projections) could starve an append past its timeout; taking
/// turns here, in order, keeps every writer moving.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string path) => Gates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
}
