namespace EventDialogue.EventStore.Sqlite;

/// <summary>SQLite creates a missing file but not a missing folder; each store's file is opened with its folder made.</summary>
internal static class SqliteFolder
{
    public static void MakeFor(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
