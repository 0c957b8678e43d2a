using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// Every document of the projections' collections, in each collection's order: two snapshots are equal exactly when the
/// views are. Compiled into the server tests too (linked), which compare served views with rebuilt ones.
/// </summary>
internal static class ViewSnapshot
{
    public static async Task<Dictionary<string, List<(string Id, string Json, string SortKey, string? SearchText)>>> TakeAsync(IViewStore views, IReadOnlyList<IProjection> projections, CancellationToken cancellationToken)
    {
        var snapshot = new Dictionary<string, List<(string, string, string, string?)>>(StringComparer.Ordinal);
        foreach (var collection in projections.SelectMany(p => p.Collections))
        {
            var documents = new List<(string, string, string, string?)>();
            ViewCursor? after = null;
            do
            {
                var page = await views.QueryAsync(new ViewQuery(collection, [], 1000, after), cancellationToken);
                documents.AddRange(page.Hits.Select(h => (h.Document.Id, h.Document.Json, h.Document.SortKey, h.Document.SearchText)));
                after = page.Next;
            }
            while (after is not null);

            snapshot[collection] = documents;
        }

        return snapshot;
    }
}
