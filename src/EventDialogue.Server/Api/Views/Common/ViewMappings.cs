using ApiCitation = EventDialogue.Api.V1.Citation;
using ApiSearchMatch = EventDialogue.Api.V1.SearchMatch;
using DomainCitation = EventDialogue.Domain.Common.Citation;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>Mappings shared by the views: proto3 strings cannot be null, so an absent value is sent as an empty string.</summary>
public static class ViewMappings
{
    public static string OrEmpty(this string? value) => value ?? string.Empty;

    public static ApiCitation? ToApi(this DomainCitation? citation) => citation is null
        ? null
        : new ApiCitation { SourceId = citation.SourceId, Quote = citation.Quote.OrEmpty(), Locator = citation.Locator.OrEmpty() };

    public static IEnumerable<ApiCitation> ToApi(this IEnumerable<DomainCitation> citations) => citations.Select(c => c.ToApi()!);

    /// <summary>The match of a search result; null outside a search.</summary>
    public static ApiSearchMatch? ToApi(this SearchHit? match) => match is null
        ? null
        : new ApiSearchMatch { Rank = match.Rank, HighlightedText = match.Highlighted, HighlightedTopics = { match.HighlightedTopics } };
}

/// <summary>
/// How a document matched a full-text search: its rank (higher is better), its text with the matches in [ ], and
/// the topics (the document's search keywords) that matched, marked alike.
/// </summary>
public sealed record SearchHit(double Rank, string Highlighted, IReadOnlyList<string> HighlightedTopics)
{
    /// <summary>The match of a store hit; null when the hit is not from a search.</summary>
    public static SearchHit? Of(Projections.Storage.ViewHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Rank is { } rank ? new SearchHit(rank, hit.Highlighted ?? hit.Document.SearchText ?? string.Empty, hit.HighlightedKeywords ?? []) : null;
    }
}
