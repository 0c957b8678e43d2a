using System.Runtime.CompilerServices;

namespace EventDialogue.EventStore;

/// <summary>
/// $all backwards for a backend that reads it a page at a time, newest first. Each page is read whole before its
/// events are handed out, so no statement stays open while the consumer works. The filter is applied to each page as
/// <see cref="AllFilter.Matches"/> says, so a backwards read follows whatever a filter can express; a narrow filter
/// scans the log, which suits an occasional look at the newest events.
/// </summary>
public static class BackwardsPages
{
    /// <param name="readPage">Up to <paramref name="pageSize"/> events before a position, newest first, unfiltered.</param>
    public static async IAsyncEnumerable<RecordedEvent> ReadAsync(
        Func<Position, CancellationToken, Task<List<RecordedEvent>>> readPage,
        int pageSize,
        Position before,
        AllFilter filter,
        int maxCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentNullException.ThrowIfNull(filter);
        ReadValidation.RequirePositiveCount(maxCount);
        var left = maxCount;
        while (left > 0)
        {
            var page = await readPage(before, cancellationToken).ConfigureAwait(false);
            foreach (var recorded in page.Where(filter.Matches).Take(left))
            {
                left--;
                yield return recorded;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            before = page[^1].Position;
        }
    }
}
