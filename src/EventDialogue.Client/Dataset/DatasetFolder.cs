using EventDialogue.Api.V1;

namespace EventDialogue.Client.Dataset;

/// <summary>
/// A dataset: the YAML files of a folder, in the order of their names, checked as a whole before anything is sent —
/// shapes and fields, that every entry cites a registered source in words its document contains, and that no entry
/// repeats another.
/// </summary>
public sealed record DatasetFolder(string Path, IReadOnlyList<DatasetFile> Files)
{
    public int EntryCount => Files.Sum(file => file.Entries.Count);

    /// <exception cref="DatasetException">Every problem found, each with its file and line.</exception>
    public static DatasetFolder Load(string folder, string sourcesFolder)
    {
        var problems = new List<DatasetProblem>();
        if (!Directory.Exists(folder))
        {
            throw new DatasetException([new DatasetProblem(folder, 0, "no such folder")]);
        }

        if (!Directory.Exists(sourcesFolder))
        {
            throw new DatasetException([new DatasetProblem(sourcesFolder, 0, "the folder of source documents does not exist (give it with --sources)")]);
        }

        var paths = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            throw new DatasetException([new DatasetProblem(folder, 0, "no dataset files (*.yaml) in this folder")]);
        }

        var files = paths.Select(path => DatasetFile.Read(path, problems)).ToList();
        CheckCitations(files, new SourceDocuments(sourcesFolder), problems);
        CheckRepeats(files, problems);
        return problems.Count == 0 ? new DatasetFolder(folder, files) : throw new DatasetException(problems);
    }

    private static void CheckCitations(IEnumerable<DatasetFile> files, SourceDocuments documents, List<DatasetProblem> problems)
    {
        foreach (var entry in files.SelectMany(file => file.Entries))
        {
            var problem = entry.Request is RegisterSourceRequest source
                ? documents.Register(source)
                : documents.Check(entry.Call.RequestType.FindFieldByName("source")?.Accessor.GetValue(entry.Request) as Citation);
            if (problem is not null)
            {
                problems.Add(new DatasetProblem(entry.File, entry.Line, problem));
            }
        }
    }

    // Two equal entries would get one request id, and the second would silently record nothing.
    private static void CheckRepeats(IEnumerable<DatasetFile> files, List<DatasetProblem> problems)
    {
        var seen = new Dictionary<string, DatasetEntry>(StringComparer.Ordinal);
        foreach (var entry in files.SelectMany(file => file.Entries))
        {
            if (!seen.TryAdd(RequestIds.For(entry), entry))
            {
                problems.Add(new DatasetProblem(entry.File, entry.Line, $"the same entry as at {seen[RequestIds.For(entry)].Where}"));
            }
        }
    }
}
