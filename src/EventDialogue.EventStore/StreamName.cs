using System.Text.RegularExpressions;

namespace EventDialogue.EventStore;

/// <summary>
/// A stream name of the form <c>{category}-{id}</c>, e.g. <c>round-2010-washington</c>.
/// The category is everything before the first dash, as in EventStoreDB's <c>$by_category</c>.
/// A name may end in a companion mark, <c>~</c> and lower-case letters (<c>case-liu-xiaobo~confidential</c>): a second
/// stream of the same entity, in the same category, that no entity id can name (ids never hold <c>~</c>).
/// </summary>
public sealed partial record StreamName
{
    public const int MaxLength = 200;

    private StreamName(string value, string category)
    {
        Value = value;
        Category = category;
    }

    public string Value { get; }

    public string Category { get; }

    public string Id => Value[(Category.Length + 1)..];

    public static StreamName Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidStoreRequestException("stream", "a stream name is required");
        }

        if (value.Length > MaxLength)
        {
            throw new InvalidStoreRequestException("stream", $"a stream name is at most {MaxLength} characters; this one has {value.Length}");
        }

        if (!Shape().IsMatch(value))
        {
            throw new InvalidStoreRequestException(
                "stream",
                $"'{value}' is not a stream name: expected '{{category}}-{{id}}', a lower-case category of letters and digits, then ids of lower-case letters, digits, '-', '_' or '.', optionally ending in a companion mark such as '~confidential'");
        }

        return new StreamName(value, value[..value.IndexOf('-', StringComparison.Ordinal)]);
    }

    public static StreamName For(string category, string id) => Parse($"{category}-{id}");

    /// <summary>For names read back from a store, which validated them when they were appended.</summary>
    public static StreamName FromStorage(string value) => new(value, value[..value.IndexOf('-', StringComparison.Ordinal)]);

    public static bool IsValidCategory(string? category) => category is not null && CategoryShape().IsMatch(category);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9]*-[a-z0-9][a-z0-9._-]*(~[a-z]+)?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex("^[a-z][a-z0-9]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryShape();
}
