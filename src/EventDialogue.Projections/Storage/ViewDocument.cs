using System.Text;

namespace EventDialogue.Projections.Storage;

/// <summary>
/// One row of a view as the backends store it: a JSON body the projection wrote, a key that orders the collection,
/// tags to filter by, and text to search with keywords (such as a statement's topics) searched beside it. Backends
/// store and index these; they know nothing of what the JSON means.
/// </summary>
public sealed record ViewDocument(
    string Collection,
    string Id,
    string Json,
    string SortKey,
    IReadOnlyList<ViewTag> Tags,
    string? SearchText = null,
    IReadOnlyList<string>? SearchKeywords = null)
{
    // A document read from a store keeps its body in the UTF-8 the store holds, so that a reader parses it from there:
    // a case file's 50 KB decoded to a 100 KB string (a large-object allocation) only to be encoded again for the
    // parser was most of a GetCaseFile's time (docs/benchmarks.md).
    private readonly byte[]? _storedUtf8;
    private string? _json = Json;

    private ViewDocument(string collection, string id, byte[] storedUtf8, string sortKey, string? searchText, IReadOnlyList<string>? searchKeywords)
        : this(collection, id, string.Empty, sortKey, [], searchText, searchKeywords)
    {
        _json = null;
        _storedUtf8 = storedUtf8;
    }

    /// <summary>The JSON body (decoded from the stored UTF-8 the first time it is asked for, where read from a store).</summary>
    public string Json
    {
        get => _json ??= Encoding.UTF8.GetString(_storedUtf8!);
        init
        {
            _json = value;
            _storedUtf8 = null;
        }
    }

    /// <summary>A document as a store read it, its body the stored JSON's UTF-8 bytes (untagged: reads do not return tags).</summary>
    public static ViewDocument Stored(string collection, string id, byte[] utf8Json, string sortKey, string? searchText, IReadOnlyList<string>? searchKeywords) =>
        new(collection, id, utf8Json, sortKey, searchText, searchKeywords);

    /// <summary>The body's UTF-8 bytes as stored, or null for a document made from a string.</summary>
    internal byte[]? StoredUtf8 => _storedUtf8;

    public bool Equals(ViewDocument? other) =>
        other is not null
        && Collection == other.Collection
        && Id == other.Id
        && Json == other.Json
        && SortKey == other.SortKey
        && EqualityComparer<IReadOnlyList<ViewTag>>.Default.Equals(Tags, other.Tags)
        && SearchText == other.SearchText
        && EqualityComparer<IReadOnlyList<string>?>.Default.Equals(SearchKeywords, other.SearchKeywords);

    public override int GetHashCode() => HashCode.Combine(Collection, Id, Json, SortKey);
}

/// <summary>A value a view can be filtered by (e.g. speaker = "Michael H. Posner").</summary>
public sealed record ViewTag(string Name, string Value);
