using System.Globalization;
using EventDialogue.Domain.Common;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>
/// Checks on the filters of a read. An empty string leaves a filter unset (proto3 strings cannot be absent); anything
/// else must be a value the view could hold, or the read is refused naming the field.
/// </summary>
public static class Filters
{
    public const int MaxQuery = 200;

    /// <summary>The id a Get names: required.</summary>
    public static string RequiredId(string? value, string field) => EntityId.Require(value, field);

    public static string? Id(string? value, string field) => string.IsNullOrEmpty(value) ? null : EntityId.Require(value, field);

    public static string? Party(string? value, string field) => string.IsNullOrEmpty(value) ? null : Side.Require(value, field);

    public static string? OneOf(string? value, string field, IReadOnlyList<string> allowed) =>
        string.IsNullOrEmpty(value) ? null : Vocabulary.Require(value, field, allowed);

    public static string? Words(string? value, string field, int maxLength = Text.Name) =>
        string.IsNullOrEmpty(value) ? null : Text.Require(value, field, maxLength);

    /// <summary>A full-text search, as sent (for page tokens) and parsed (a malformed one refused); null for no search.</summary>
    public static SearchFilter? Query(string? value) =>
        Words(value, "query", MaxQuery) is { } text ? new SearchFilter(text, Projections.Search.SearchQuery.Parse(text)) : null;

    /// <summary>A day, YYYY-MM-DD; null when not given.</summary>
    public static DateOnly? Day(string? value, string field) =>
        string.IsNullOrEmpty(value)
            ? null
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw DomainException.Invalid(field, $"'{value}' is not a day: YYYY-MM-DD, e.g. 2011-06-01");

    /// <summary>The filters that are set, as view tags (AND-ed by the store).</summary>
    public static IReadOnlyList<Projections.Storage.ViewTag> Tags(params (string Name, string? Value)[] filters) =>
        [.. filters.Where(f => f.Value is not null).Select(f => new Projections.Storage.ViewTag(f.Name, f.Value!))];
}

/// <summary>A full-text search of a List call: the query as the caller wrote it, and as the stores run it.</summary>
public sealed record SearchFilter(string Text, Projections.Search.SearchQuery Parsed);
