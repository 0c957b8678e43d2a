using EventDialogue.Projections.Search;

namespace EventDialogue.Projections.Storage;

/// <summary>
/// A page of a collection: documents whose tags match every filter, ordered by sort key then id, after the given
/// place; or, with a search query, the documents it finds ranked as <see cref="SearchRanking"/> orders them.
/// </summary>
public sealed record ViewQuery(string Collection, IReadOnlyList<ViewTag> Filters, int PageSize, ViewCursor? After = null, SearchQuery? Search = null);

/// <summary>Where the previous page stopped: its last sort key and id, or its offset in a ranked search.</summary>
public sealed record ViewCursor(string SortKey, string Id, int Offset);

public sealed record ViewPage(IReadOnlyList<ViewHit> Hits, ViewCursor? Next);

/// <summary>
/// A document with, for a search, its rank, its text with the matching words marked, and the keywords that matched
/// (marked alike).
/// </summary>
public sealed record ViewHit(ViewDocument Document, double? Rank = null, string? Highlighted = null, IReadOnlyList<string>? HighlightedKeywords = null);
