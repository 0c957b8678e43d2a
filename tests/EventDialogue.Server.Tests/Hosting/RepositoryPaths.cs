namespace EventDialogue.Server.Tests.Hosting;

/// <summary>Where the repository is, and the documents the project keeps beside it (../shared/sources).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The source documents the reference record is curated from; EVENTDIALOGUE_TEST_SOURCES names them for a checkout
    /// that does not sit beside them (a git worktree elsewhere).
    /// </summary>
    public static string Sources => Environment.GetEnvironmentVariable("EVENTDIALOGUE_TEST_SOURCES") is { Length: > 0 } given
        ? Path.GetFullPath(given)
        : Path.GetFullPath(Path.Combine(Root, "..", "shared", "sources"));

    /// <summary>The reference record: data/reference.</summary>
    public static string ReferenceDataset => Path.Combine(Root, "data", "reference");

    private static string FindRoot()
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
