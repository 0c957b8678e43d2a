namespace EventDialogue.Domain.Common;

/// <summary>The fixed vocabularies that analysts filter and count by; free text would split one idea into many spellings.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> SourceKinds = ["document", "transcript", "article", "wire-story", "broadcast", "editorial", "press-release", "report", "other"];

    public static readonly IReadOnlyList<string> Settings = ["briefing", "press-conference", "interview", "editorial", "statement", "speech", "testimony", "article", "meeting", "other"];

    public static readonly IReadOnlyList<string> Stances = ["supportive", "critical", "defensive", "neutral", "mixed"];

    public static readonly IReadOnlyList<string> CaseKinds = ["person", "group"];

    public static readonly IReadOnlyList<string> CaseStatuses = ["detained", "missing", "disappeared", "arrested", "charged", "sentenced", "imprisoned", "house-arrest", "under-surveillance", "travel-restricted", "released", "exiled", "deceased", "other"];

    public static readonly IReadOnlyList<string> Certainties = ["confirmed", "believed", "unconfirmed"];

    public static readonly IReadOnlyList<string> SourceTypes = ["official", "unofficial"];

    public static readonly IReadOnlyList<string> Responses = ["no-response", "denial", "token-response", "information-given", "pledged-action", "action-taken"];

    public static readonly IReadOnlyList<string> Channels = ["round", "bilateral-meeting", "public-statement", "letter", "other"];

    public static string Require(string? value, string field, IReadOnlyList<string> allowed)
    {
        var text = Text.Require(value, field, Text.Name).ToLowerInvariant();
        return allowed.Contains(text)
            ? text
            : throw DomainException.Invalid(field, $"'{value}' is not one of: {string.Join(", ", allowed)}");
    }

    public static string? Optional(string? value, string field, IReadOnlyList<string> allowed) =>
        string.IsNullOrWhiteSpace(value) ? null : Require(value, field, allowed);
}
