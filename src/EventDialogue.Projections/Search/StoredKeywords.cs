using EventDialogue.Projections.Engine;

namespace EventDialogue.Projections.Search;

/// <summary>How a document's search keywords are kept in one column on every backend: a JSON array, or null for none.</summary>
public static class StoredKeywords
{
    public static object Write(IReadOnlyList<string>? keywords) => keywords is { Count: > 0 } ? ViewJson.Write(keywords) : DBNull.Value;

    public static IReadOnlyList<string>? Read(string? stored) => stored is null ? null : ViewJson.Read<List<string>>(stored);
}
