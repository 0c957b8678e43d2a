namespace EventDialogue.Domain.Common;

/// <summary>Checks on the text a command carries: present, not blank, not over its limit.</summary>
public static class Text
{
    public const int Name = 200;
    public const int Title = 500;
    public const int Paragraph = 20_000;

    public static string Require(string? value, string field, int maxLength) => WithoutNul(RequireWithin(value, field, maxLength), field);

    public static string? Optional(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : WithoutNul(Within(value.Trim(), field, maxLength), field);

    /// <summary>A list of texts, each required and within <paramref name="maxLength"/>, repeats dropped.</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string>? values, string field, int maxItems, int maxLength, bool required = false) =>
        List(values, field, maxItems, (value, itemField) => Require(value, itemField, maxLength), required);

    /// <summary>
    /// A list whose entries each pass <paramref name="item"/>, repeats (after normalising) dropped. Every entry is checked
    /// before any is dropped, so an error names the entry's place in the list as sent (<c>parties[2]</c>), and a refusal
    /// names every wrong entry.
    /// </summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string>? values, string field, int maxItems, Func<string?, string, string> item, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(item);
        values ??= [];
        if (required && values.Count == 0)
        {
            throw DomainException.Invalid(field, "needs at least one entry");
        }

        if (values.Count > maxItems)
        {
            throw DomainException.Invalid(field, $"has at most {maxItems} entries; this one has {values.Count}");
        }

        var checkedValues = Fields.Each(values, (v, i) => item(v, $"{field}[{i}]")).OrThrow();
        return [.. checkedValues.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Present, not blank, within the limit — and nothing more, for a caller that checks every character itself.</summary>
    internal static string RequireWithin(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainException.Invalid(field, "is required and must not be blank") : Within(value.Trim(), field, maxLength);

    // NUL is refused everywhere so that both backends keep the same texts: PostgreSQL's text and jsonb cannot hold it.
    private static string WithoutNul(string value, string field) =>
        value.Contains('\0', StringComparison.Ordinal) ? throw DomainException.Invalid(field, "must not contain a NUL character") : value;

    private static string Within(string value, string field, int maxLength) =>
        value.Length <= maxLength ? value : throw DomainException.Invalid(field, $"is at most {maxLength} characters; this one has {value.Length}");
}
