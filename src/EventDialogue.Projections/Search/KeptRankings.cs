using System.Text;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Search;

/// <summary>
/// Whole rankings of searches, kept while the views stand where they stood when each was ranked, so that the next
/// page of a search, or the same search asked again, reads only its page's documents. Ranking reads every match
/// (1,330 at a million events for a common pair of words), which no page can avoid the first time: see
/// docs/benchmarks.md.
/// </summary>
/// <remarks>
/// <para>
/// A backend reads its views' checkpoints in the snapshot it searches in, with the newest document row
/// (<see cref="NewestDocument"/>), and asks for a ranking kept under exactly those. Every change to a view's documents
/// commits with its checkpoint moved, in the same transaction, and a view built again and swapped in moves the newest
/// row, so equal readings mean the same documents and a kept ranking is the one a new ranking would give. The page's
/// documents are then read in that same snapshot, so ranks and documents always agree.
/// </para>
/// <para>
/// A ranking is kept per collection, filters (the caller's audience among them) and query, never handed to a search
/// with other filters. The first ranking kept under other checkpoints drops all those kept before (a search in an
/// older snapshot finishing last only costs the next search a ranking). At most
/// <see cref="MostRankings"/> rankings and <see cref="MostIds"/> ids in all are kept, a few megabytes; past that a
/// search ranks its matches as before.
/// </para>
/// </remarks>
public sealed class KeptRankings
{
    public const int MostRankings = 64;

    public const int MostIds = 100_000;

    private readonly Lock _gate = new();
    private string _views = string.Empty;
    private Dictionary<string, Ranking> _rankings = new(StringComparer.Ordinal);
    private int _ids;

    /// <summary>The ranking kept for the search under these checkpoints, or the one <paramref name="rank"/> gives, kept for the next.</summary>
    /// <param name="views">The views' checkpoints as read in the search's snapshot (<see cref="ViewsAt"/>).</param>
    public async Task<Ranking> GetOrRankAsync(string views, ViewQuery query, Func<Task<Ranking>> rank)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rank);
        var key = KeyOf(query);
        lock (_gate)
        {
            if (_views == views && _rankings.TryGetValue(key, out var kept))
            {
                return kept;
            }
        }

        var ranking = await rank().ConfigureAwait(false);
        Keep(views, key, ranking);
        return ranking;
    }

    /// <summary>
    /// The name under which a backend reads, beside the checkpoints, the highest document row number it has given
    /// (<see cref="ViewsAt"/>). A view built again beside the one in use and swapped in holds rows numbered after
    /// every row there was before it was begun, so the number moves even when the swap leaves the checkpoints where
    /// they stood: a view rebuilt to repair it may hold other documents at the same checkpoint.
    /// </summary>
    public const string NewestDocument = "~newest-document";

    /// <summary>The views' checkpoints by projection, and the <see cref="NewestDocument"/>, as one string: equal strings mean the same documents.</summary>
    public static string ViewsAt(IEnumerable<(string Projection, long Position)> checkpoints) =>
        string.Join(';', checkpoints.OrderBy(c => c.Projection, StringComparer.Ordinal).Select(c => $"{c.Projection}={c.Position}"));

    private void Keep(string views, string key, Ranking ranking)
    {
        lock (_gate)
        {
            if (_views != views)
            {
                _views = views;
                _rankings = new(StringComparer.Ordinal);
                _ids = 0;
            }

            if (_rankings.Count < MostRankings && _ids + ranking.Ids.Count <= MostIds && _rankings.TryAdd(key, ranking))
            {
                _ids += ranking.Ids.Count;
            }
        }
    }

    /// <summary>What a ranking depends on besides the documents: the collection, the filters and the query's phrases.</summary>
    private static string KeyOf(ViewQuery query)
    {
        // every part is written with its length first, so that no value, whatever it holds, can spell another key
        var key = new StringBuilder();
        void Part(string part) => key.Append(part.Length).Append(':').Append(part);
        Part(query.Collection);
        foreach (var filter in query.Filters.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
        {
            Part(filter.Name);
            Part(filter.Value);
        }

        Part(string.Join('&', query.Search!.Required.Select(group => string.Join('|', group.Select(phrase => phrase.ToString())))));
        Part(string.Join('|', query.Search.Excluded.Select(phrase => phrase.ToString())));
        return key.ToString();
    }
}
