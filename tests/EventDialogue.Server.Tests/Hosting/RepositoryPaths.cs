namespace EventDialogue.Server.Tests.Hosting;

/// <summary>Where the repository is, and the documents the project keeps beside it (../shared/sources).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The source documents the reference record is curated from.</summary>
    public static string Sources => Path.GetFullPath(Path.Combine(Root, "..", "shared", "sources"));

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
