namespace EventDialogue.EventStore.Tests.Fixtures;

public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EventDialogue.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"EventDialogue.sln not found above {AppContext.BaseDirectory}");
    }
}
