using EventDialogue.Domain.Common;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// Who may read a view document: callers cleared for confidential entries, callers who are not, or both. A stream
/// with no confidential fact yields one set of documents for both. A stream with one yields two: the documents of its
/// whole history for the cleared (their ids marked), and those of its history with every confidential fact left out
/// for the rest — the very documents a log that never held those facts would yield, so that nothing derived from
/// them (a status, a tag, a count, a search word) reaches an uncleared reader. Readers filter by the audience tag.
/// </summary>
public static class Audiences
{
    public const string Tag = "audience";

    public const string Cleared = "cleared";

    public const string Uncleared = "uncleared";

    /// <summary>Marks the id of a document only the cleared may read; no entity id can end so (ids are lower-case slugs).</summary>
    private const string ClearedIdSuffix = "~cleared";

    public static string ClearedId(string id) => id + ClearedIdSuffix;

    public static bool IsClearedId(string id) => id.EndsWith(ClearedIdSuffix, StringComparison.Ordinal);

    public static string Of(bool cleared) => cleared ? Cleared : Uncleared;

    /// <summary>Whether the audience may read a document as projected (its tags say; a document read back from a store has none).</summary>
    public static bool ReadBy(ViewDocument document, bool cleared)
    {
        ArgumentNullException.ThrowIfNull(document);
        var audience = Of(cleared);
        return document.Tags.Any(t => t.Name == Tag && t.Value == audience);
    }

    /// <summary>The documents a stream's effective history yields, each tagged with who may read it.</summary>
    public static IEnumerable<ViewDocument> Split(IReadOnlyList<IDomainEvent> effective, Func<IReadOnlyList<IDomainEvent>, IEnumerable<ViewDocument>> project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var redacted = Confidentiality.Redacted(effective);
        if (ReferenceEquals(redacted, effective))
        {
            return project(effective).Select(d => For(d, Cleared, Uncleared));
        }

        return [
            .. project(effective).Select(d => For(d with { Id = ClearedId(d.Id) }, Cleared)),
            .. project(redacted).Select(d => For(d, Uncleared)),
        ];
    }

    private static ViewDocument For(ViewDocument document, params string[] audiences) =>
        document with { Tags = [.. document.Tags, .. audiences.Select(a => new ViewTag(Tag, a))] };
}
