namespace EventDialogue.Domain.Common;

/// <summary>The stream each aggregate lives in: <c>{category}-{id}</c>.</summary>
public static class Streams
{
    public const string DialogueCategory = "dialogue";
    public const string RoundCategory = "round";
    public const string SourceCategory = "source";
    public const string StatementCategory = "statement";
    public const string CaseCategory = "case";
    public const string CommitmentCategory = "commitment";

    public static string Dialogue(string id) => $"{DialogueCategory}-{id}";

    public static string Round(string id) => $"{RoundCategory}-{id}";

    public static string Source(string id) => $"{SourceCategory}-{id}";

    public static string Statement(string id) => $"{StatementCategory}-{id}";

    public static string Case(string id) => $"{CaseCategory}-{id}";

    public static string Commitment(string id) => $"{CommitmentCategory}-{id}";

    /// <summary>
    /// Marks the companion stream of an entity, where its facts recorded in confidence are kept (<c>case-liu-xiaobo~confidential</c>).
    /// Apart, so that the entity's own stream reads, to one not cleared for them, exactly as if they had never been
    /// recorded: no gap in its revisions, which are signed and cannot be renumbered. The category stays the entity's, so
    /// the views that follow it fold both; no entity id can end so (ids never hold <c>~</c>), so it names no other entity.
    /// </summary>
    public const string ConfidentialMark = "~confidential";

    /// <summary>Whether the entities of a category can hold facts in confidence, and so have a companion stream (cases only).</summary>
    public static bool HasConfidentialCompanion(string? stream) => CategoryOf(stream) == CaseCategory;

    /// <summary>The companion stream where the entity of <paramref name="stream"/> keeps its facts in confidence.</summary>
    public static string ConfidentialCompanion(string stream) => IsConfidentialCompanion(stream) ? stream : stream + ConfidentialMark;

    public static bool IsConfidentialCompanion(string? stream) => stream?.EndsWith(ConfidentialMark, StringComparison.Ordinal) == true;

    /// <summary>The entity's own stream: the stream itself, or the one a companion stream belongs to.</summary>
    public static string HomeOf(string stream) => IsConfidentialCompanion(stream) ? stream[..^ConfidentialMark.Length] : stream;

    /// <summary>The category of a stream name: everything before the first dash (the whole name when there is none).</summary>
    public static string CategoryOf(string? stream)
    {
        var dash = (stream ?? string.Empty).IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? stream ?? string.Empty : stream![..dash];
    }

    /// <summary>The id of the entity a stream belongs to: everything after the first dash, less any companion mark (empty when there is no dash).</summary>
    public static string IdOf(string? stream)
    {
        var dash = (stream ?? string.Empty).IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? string.Empty : HomeOf(stream!)[(dash + 1)..];
    }
}
