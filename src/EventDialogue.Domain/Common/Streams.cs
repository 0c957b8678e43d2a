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

    /// <summary>The category of a stream name: everything before the first dash (the whole name when there is none).</summary>
    public static string CategoryOf(string? stream)
    {
        var dash = (stream ?? string.Empty).IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? stream ?? string.Empty : stream![..dash];
    }

    /// <summary>The id of a stream name: everything after the first dash (empty when there is none).</summary>
    public static string IdOf(string? stream)
    {
        var dash = (stream ?? string.Empty).IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? string.Empty : stream![(dash + 1)..];
    }
}
