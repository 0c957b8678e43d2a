using EventDialogue.Client.Dataset;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>
/// A small dataset in a folder of its own, beside a made-up source document: 00-sources.yaml registers the document
/// under a source id of its own, and tests add the files under test.
/// </summary>
internal sealed class ScratchDataset : IDisposable
{
    public const string DocumentText = "The delegations met on 3 March 2031 in Geneva.\nBoth sides said the talks were frank.\n";

    private readonly string _root = TempDirectory.Create();

    public ScratchDataset()
    {
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(SourcesFolder);
        File.WriteAllText(Path.Combine(SourcesFolder, "scratch.txt"), DocumentText);
        AddFile("00-sources.yaml", $"""
            about: The made-up document the scratch entries cite.
            entries:
              - record: register-source
                source_id: {SourceId}
                title: Scratch notes
                kind: other
                address: scratch.txt
            """);
    }

    public string SourceId { get; } = $"scratch-{Guid.NewGuid():N}"[..20];

    public string DataFolder => Path.Combine(_root, "data");

    public string SourcesFolder => Path.Combine(_root, "sources");

    /// <summary>A citation of the scratch document, as a YAML flow mapping.</summary>
    public string Cite(string quote) => $"{{source_id: {SourceId}, quote: \"{quote}\"}}";

    public void AddFile(string name, string yaml) => File.WriteAllText(Path.Combine(DataFolder, name), yaml);

    public DatasetFolder Load() => DatasetFolder.Load(DataFolder, SourcesFolder);

    /// <summary>The problems the dataset check finds; fails the test if it finds none.</summary>
    public IReadOnlyList<DatasetProblem> Problems() => Assert.Throws<DatasetException>(Load).Problems;

    public void Dispose() => TempDirectory.Delete(_root);
}
