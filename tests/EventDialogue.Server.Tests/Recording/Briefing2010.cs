using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// The transcript of Michael H. Posner's briefing of 14 May 2010 on the Washington round, as the project keeps it
/// beside the repository (../shared/sources/001_*.txt). A recording desk quotes it word for word, so every quote a
/// test records is first checked against the file.
/// </summary>
internal sealed class Briefing2010
{
    private Briefing2010(string fileName, string text)
    {
        FileName = fileName;
        Text = text;
    }

    public string FileName { get; }

    public string Text { get; }

    /// <summary>The document's title: its first line that names the briefing.</summary>
    public string Title => Text.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith("Briefing by ", StringComparison.Ordinal));

    public static Briefing2010 Load()
    {
        var sources = RepositoryPaths.Sources;
        var file = Directory.Exists(sources) ? Directory.GetFiles(sources, "001_*.txt").SingleOrDefault() : null;
        Assert.True(file is not null, $"The 2010 briefing transcript (001_*.txt) is not in {Path.GetFullPath(sources)}.");
        return new Briefing2010(Path.GetFileName(file), File.ReadAllText(file).ReplaceLineEndings("\n"));
    }

    /// <summary>The words, after checking that the transcript has them verbatim.</summary>
    public string Quote(string words)
    {
        Assert.True(Text.Contains(words, StringComparison.Ordinal), $"The briefing does not say, word for word: \"{words}\"");
        return words;
    }
}
