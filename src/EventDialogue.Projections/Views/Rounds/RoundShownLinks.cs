using EventDialogue.Domain.Common;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Rounds;

/// <summary>
/// Keeps each round's <see cref="RoundShownView"/> in step with the case and commitment links a batch changed: the
/// round's plain document for the uncleared (and for the cleared while they see the same), its cleared-id twin where a
/// confidential fact makes what the cleared see differ. Each round a batch touches is read and written once, so a
/// batch costs the rounds it touches, not the links they hold.
/// </summary>
internal static class RoundShownLinks
{
    public static async Task ApplyAsync(IViewTransaction views, IReadOnlyList<StreamChange> changes, CancellationToken cancellationToken)
    {
        var shown = changes.Where(c => c.Stream.Category is Streams.CaseCategory or Streams.CommitmentCategory).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        var changed = shown.Select(c => c.Stream.Value).ToHashSet(StringComparer.Ordinal);
        var now = shown.SelectMany(c => c.After).Select(d => (Document: d, Link: ViewJson.Read<RoundLinkView>(d))).ToLookup(n => n.Link.RoundId, StringComparer.Ordinal);
        var rounds = shown.SelectMany(c => c.Before).Select(d => ViewJson.Read<RoundLinkView>(d).RoundId)
            .Concat(now.Select(n => n.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var round in rounds)
        {
            var plain = await views.GetAsync(RoundsProjection.ShownCollection, round, cancellationToken).ConfigureAwait(false);
            var twin = await views.GetAsync(RoundsProjection.ShownCollection, Audiences.ClearedId(round), cancellationToken).ConfigureAwait(false);
            var inRound = now[round];
            var plainLinks = Links(plain);
            var uncleared = Updated(plainLinks, changed, inRound, cleared: false);
            var cleared = Updated(twin is null ? plainLinks : Links(twin), changed, inRound, cleared: true);
            var sameForBoth = cleared.SequenceEqual(uncleared);
            await WriteAsync(views, plain, round, uncleared, sameForBoth ? [Audiences.Cleared, Audiences.Uncleared] : [Audiences.Uncleared], cancellationToken).ConfigureAwait(false);
            await WriteAsync(views, twin, Audiences.ClearedId(round), sameForBoth ? [] : cleared, [Audiences.Cleared], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What an audience sees of a round once the changed streams' links are replaced by what they show now.</summary>
    private static List<ShownLinkView> Updated(IReadOnlyList<ShownLinkView> stored, HashSet<string> changed, IEnumerable<(ViewDocument Document, RoundLinkView Link)> inRound, bool cleared)
    {
        var kept = stored.Where(l => !changed.Contains(l.Link.Stream));
        var added = inRound.Where(n => Audiences.ReadBy(n.Document, cleared)).Select(n => new ShownLinkView(n.Document.Id, n.Document.SortKey, n.Link));

        // the links collection's own order: sort key, then id, ordinal (the stores compare bytes; the keys and ids are
        // ASCII slugs and dates, where the two orders agree)
        return [.. kept.Concat(added).OrderBy(l => l.SortKey, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)];
    }

    private static IReadOnlyList<ShownLinkView> Links(ViewDocument? stored) => stored is null ? [] : ViewJson.Read<RoundShownView>(stored).Links;

    private static async Task WriteAsync(IViewTransaction views, ViewDocument? stored, string id, List<ShownLinkView> links, string[] audiences, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            if (stored is not null)
            {
                await views.DeleteAsync(RoundsProjection.ShownCollection, id, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var document = new ViewDocument(RoundsProjection.ShownCollection, id, ViewJson.Write(new RoundShownView(links)), id, [.. audiences.Select(a => new ViewTag(Audiences.Tag, a))]);
        await views.PutAsync(document, cancellationToken).ConfigureAwait(false);
    }
}
