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
    IReadOnlyList<string>? SearchKeywords = null);

/// <summary>A value a view can be filtered by (e.g. speaker = "Michael H. Posner").</summary>
public sealed record ViewTag(string Name, string Value);
