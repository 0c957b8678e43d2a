using System.Collections.Concurrent;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>
/// The answers of the large single-entity reads (a round, a case file) given since their view last moved, each kept
/// per audience, so that an entity read again before the next commit of its view costs no read of the store and no
/// parse of its documents (most of such a read's time: see docs/benchmarks.md).
/// </summary>
/// <remarks>
/// <para>
/// An answer is kept under the checkpoint its view had reached before it was read, and handed out only while the view
/// is still at that checkpoint: the documents read then were at least as new, and no newer ones have been committed
/// since, so it is what a read of the store would answer (a caller's <c>min_position</c> is waited for first, as for
/// any read, so it never gets an answer older than its own write). The first answer under a new checkpoint drops all
/// those kept for that view under the former one. Only a process that runs the projections itself keeps answers: it
/// commits every change of a view and knows its checkpoint at once, where a follower hears of it later.
/// </para>
/// <para>
/// An answer is kept for the caller's audience (cleared or not), never handed to the other: a caller not cleared for
/// confidential entries can never be given one read for a cleared caller. At most <see cref="MostAnswers"/> are kept
/// per view, a few megabytes; past that an entity is read from the store as before.
/// </para>
/// </remarks>
public sealed class KeptAnswers
{
    /// <summary>The most answers kept at once for one view (entities times the two audiences).</summary>
    public const int MostAnswers = 64;

    private readonly ConcurrentDictionary<string, Kept> _byView = new(StringComparer.Ordinal);

    /// <summary>
    /// The answer kept for the entity and audience while the view stands where it stood when it was read, or the one
    /// <paramref name="read"/> gives, kept for the next caller where this process commits the view.
    /// </summary>
    /// <param name="checkpoint">The view's checkpoint taken before reading (<see cref="ViewReader.CommittedHere"/>); null keeps nothing.</param>
    public async Task<T> GetOrReadAsync<T>(string view, Position? checkpoint, string id, bool cleared, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (checkpoint is not { } at)
        {
            Forget(view);
            return await read(cancellationToken);
        }

        var key = new Key(typeof(T), id, cleared);
        var kept = _byView.GetValueOrDefault(view);
        if (kept is not null && kept.Checkpoint == at && kept.Answers.TryGetValue(key, out var answer))
        {
            return (T)answer;
        }

        var fresh = await read(cancellationToken);
        Keep(view, at, key, fresh);
        return fresh;
    }

    /// <summary>Drops every answer kept for every view: a view built again may stand at the same checkpoint yet hold other documents.</summary>
    public void Forget() => _byView.Clear();

    private void Forget(string view)
    {
        // a follower calls this on every read: nothing is allocated when there is nothing to drop
        if (_byView.TryGetValue(view, out var kept) && !kept.Answers.IsEmpty)
        {
            _byView.TryRemove(new KeyValuePair<string, Kept>(view, kept));
        }
    }

    private void Keep(string view, Position checkpoint, Key key, object answer)
    {
        var kept = _byView.AddOrUpdate(
            view,
            static (_, at) => new Kept(at, new()),
            static (_, current, at) => current.Checkpoint >= at ? current : new Kept(at, new()),
            checkpoint);

        // the count is checked before adding, so a burst of first reads may pass the bound by a few, never by more
        if (kept.Checkpoint == checkpoint && kept.Answers.Count < MostAnswers)
        {
            kept.Answers.TryAdd(key, answer);
        }
    }

    private readonly record struct Key(Type Answer, string Id, bool Cleared);

    private sealed record Kept(Position Checkpoint, ConcurrentDictionary<Key, object> Answers);
}
