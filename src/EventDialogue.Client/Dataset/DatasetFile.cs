using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EventDialogue.Client.Dataset;

/// <summary>
/// One YAML file of a dataset: an `about` text and a list of `entries`, each naming a recording call with `record`
/// and giving that call's request fields (see data/README.md).
/// </summary>
public sealed record DatasetFile(string Name, string About, IReadOnlyList<DatasetEntry> Entries)
{
    private const string RecordKey = "record";

    private static readonly IReadOnlyDictionary<string, string> LeftOut = new Dictionary<string, string>
    {
        ["request_id"] = "request_id is derived from the entry by the importer; leave it out",
        ["expected_revision"] = "expected_revision is the importer's business; leave it out",
    };

    /// <summary>Reads and checks the file's shape and fields; problems are added to <paramref name="problems"/>.</summary>
    public static DatasetFile Read(string path, List<DatasetProblem> problems)
    {
        var name = Path.GetFileName(path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            problems.Add(new DatasetProblem(name, (int)ex.Start.Line, $"not valid YAML: {Innermost(ex).Message}"));
            return new DatasetFile(name, string.Empty, []);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new DatasetProblem(name, 1, "a dataset file is one YAML mapping with the keys 'about' and 'entries'"));
            return new DatasetFile(name, string.Empty, []);
        }

        var about = string.Empty;
        var entries = new List<DatasetEntry>();
        foreach (var (key, value) in root.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "about":
                    about = (value as YamlScalarNode)?.Value ?? string.Empty;
                    break;
                case "entries" when value is YamlSequenceNode list:
                    entries.AddRange(list.Children.Select(item => ReadEntry(name, item, problems)).OfType<DatasetEntry>());
                    break;
                case "entries":
                    problems.Add(new DatasetProblem(name, (int)value.Start.Line, "'entries' is a list: each entry starts with '- record: …'"));
                    break;
                default:
                    problems.Add(new DatasetProblem(name, (int)key.Start.Line, $"'{key}' is not a key of a dataset file; the keys are 'about' and 'entries'"));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(about))
        {
            problems.Add(new DatasetProblem(name, (int)root.Start.Line, "the file says what it covers, and from which documents, in 'about'"));
        }

        return new DatasetFile(name, about, entries);
    }

    private static DatasetEntry? ReadEntry(string file, YamlNode node, List<DatasetProblem> problems)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new DatasetProblem(file, line, "an entry is a mapping that starts with 'record: <call>'"));
            return null;
        }

        var recordNode = mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: RecordKey }).Value;
        if (recordNode is not YamlScalarNode { Value: { Length: > 0 } record })
        {
            problems.Add(new DatasetProblem(file, line, $"the entry does not say which call it records: add 'record: <call>', one of: {string.Join(", ", RecordingCall.Names)}"));
            return null;
        }

        if (RecordingCall.Find(record) is not { } call)
        {
            problems.Add(new DatasetProblem(file, (int)recordNode.Start.Line, $"'{record}' is not a recording call; the calls are: {string.Join(", ", RecordingCall.Names)}"));
            return null;
        }

        var before = problems.Count;
        var fields = new YamlMappingNode(mapping.Children.Where(pair => pair.Key is not YamlScalarNode { Value: RecordKey }));
        var request = new YamlMessage(file, problems).Read(fields, call.RequestType, LeftOut);
        return problems.Count == before ? new DatasetEntry(file, line, call, request) : null;
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;
}
