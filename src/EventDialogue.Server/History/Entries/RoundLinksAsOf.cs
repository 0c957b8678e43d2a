using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Server.Access;

namespace EventDialogue.Server.History.Entries;

/// <summary>
/// What other streams had linked to a round at a past point: the cases raised, commitments made and statements
/// recorded in it, each stream cut at that point and folded by the rounds projection, as the live view's links are.
/// </summary>
/// <remarks>
/// Correct rather than cheap: a stream that linked to the round then may have been corrected or retracted since (and
/// one linked now may not have been then), so the live view's links cannot say which streams to fold. Every event of
/// the linking categories in the record at that point is read once from $all (up to the position; to the head for a
/// time, since recording times need not follow positions), keeping the streams whose data names the round; only those
/// are folded. So a past round costs one pass over the case, commitment and statement events of the log — thousands
/// of events for the whole record, read in pages, never held at once.
/// </remarks>
public static class RoundLinksAsOf
{
    private static readonly string[] LinkingCategories = ["case", "commitment", "statement"];

    /// <summary>The round's links as they stood, in the live view's order, and the latest event folded into them.</summary>
    public static async Task<(IReadOnlyList<RoundLinkView> Links, RecordedEvent? Last)> ReadAsync(
        IEventStore store, RoundsProjection projection, string roundId, AsOfPoint point, ConfidentialEvents confidential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(point);
        var candidates = new List<StreamName>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var recorded in store.ReadAllAsync(Position.Start, AllFilter.ByCategory(LinkingCategories), int.MaxValue, cancellationToken))
        {
            if (point.IsPast(recorded))
            {
                break;
            }

            // Ids are slugs, which JSON writes as they are: data that links to the round holds its id verbatim.
            // A case's companion (its facts in confidence) is folded with its own stream, and only for the cleared.
            var entity = Streams.HomeOf(recorded.Stream.Value);
            if (point.Includes(recorded) && recorded.Data.Contains(roundId, StringComparison.Ordinal) && !confidential.StreamHidden(recorded.Stream) && seen.Add(entity))
            {
                candidates.Add(StreamName.FromStorage(entity));
            }
        }

        var links = new List<ViewDocument>();
        RecordedEvent? last = null;
        var round = new ViewTag("round", roundId);
        foreach (var stream in candidates)
        {
            var events = await EntryEvents.ReadEntityAsync(store, stream, point, confidential, cancellationToken);
            var linked = projection.ProjectHistory(stream, [.. events.Select(e => new EntityFact(e.InCompanion, EntryEvents.Fact(e.Event)))], confidential.CallerSeesAll)
                .Where(d => d.Collection == RoundsProjection.LinksCollection && d.Tags.Contains(round))
                .ToList();
            if (linked.Count > 0)
            {
                links.AddRange(linked);
                last = EntryEvents.Later(last, events[^1].Event);
            }
        }

        var ordered = links
            .OrderBy(d => d.SortKey, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => ViewJson.Read<RoundLinkView>(d));
        return ([.. ordered], last);
    }
}
