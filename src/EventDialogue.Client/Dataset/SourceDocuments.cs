using System.Text;
using EventDialogue.Api.V1;

namespace EventDialogue.Client.Dataset;

/// <summary>
/// The documents the dataset's sources point at (their `address` is a file name in the sources folder), and the check
/// that every cited quote is the document's own words.
/// </summary>
internal sealed class SourceDocuments(string folder)
{
    private readonly Dictionary<string, (string File, string Text)> _registered = new(StringComparer.Ordinal);

    /// <summary>Remembers a registered source's document; null when fine, else what is wrong.</summary>
    public string? Register(RegisterSourceRequest source)
    {
        var file = source.Address;
        if (string.IsNullOrWhiteSpace(file) || Path.GetFileName(file) != file)
        {
            return $"address: a source's address is the file name of its document in {folder} (no folders), not '{file}'";
        }

        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return $"address: the document '{file}' is not in {folder}";
        }

        if (_registered.TryGetValue(source.SourceId, out var earlier) && earlier.File != file)
        {
            return $"source_id: '{source.SourceId}' is already registered for {earlier.File}";
        }

        _registered[source.SourceId] = (file, Normalised(File.ReadAllText(path)));
        return null;
    }

    /// <summary>Null when the citation names a registered source and quotes it word for word, else what is wrong.</summary>
    public string? Check(Citation? citation)
    {
        if (citation is null || string.IsNullOrWhiteSpace(citation.SourceId))
        {
            return "source: every entry cites its source: add 'source: {source_id: …, quote: \"…\"}'";
        }

        if (!_registered.TryGetValue(citation.SourceId, out var document))
        {
            return $"source.source_id: '{citation.SourceId}' is not registered by an earlier register-source entry";
        }

        if (string.IsNullOrWhiteSpace(citation.Quote))
        {
            return "source.quote: give the document's words that support the entry";
        }

        return document.Text.Contains(Normalised(citation.Quote), StringComparison.Ordinal)
            ? null
            : $"source.quote: {document.File} does not say, word for word: \"{citation.Quote}\"";
    }

    /// <summary>Line breaks and runs of spaces count as one space; every other character must match.</summary>
    private static string Normalised(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
