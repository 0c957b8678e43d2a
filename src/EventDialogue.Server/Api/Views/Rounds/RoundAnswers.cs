using System.Collections.Concurrent;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Api.Views.Rounds;

/// <summary>
/// The rounds <see cref="RoundQueries"/> answered since the rounds view last moved, each kept per audience, so that a
/// round read again before the next commit of the view costs no read of the store and no parse of its ~200 documents
/// (most of a <c>GetRound</c>'s time: see docs/benchmarks.md).
/// </summary>
/// <remarks>
/// <para>
/// An answer is kept under the checkpoint the view had reached before it was read, and handed out only while the view
/// is still at that checkpoint: the documents read then were at least as new, and no newer ones have been committed
/// since, so it is what a read of the store would answer (a caller's <c>min_position</c> is waited for first, as for
/// any read, so it never gets an answer older than its own write). The first answer under a new checkpoint drops all
/// those kept under the former one. Only a process that runs the projections itself keeps answers: it commits every
/// change of the view and knows its checkpoint at once, where a follower hears of it later.
/// </para>
/// <para>
/// An answer is kept for the caller's audience (cleared or not), never handed to the other: a caller not cleared for
/// confidential entries can never be given one read for a cleared caller. At most <see cref="MostAnswers"/> are kept,
/// a few megabytes; past that a round is read from the store as before.
/// </para>
/// </remarks>
public sealed class RoundAnswers
{
    /// <summary>The most answers kept at once (rounds times the two audiences).</summary>
    public const int MostAnswers = 64;

    private Kept _kept = new(Position.Start, new());

    /// <summary>The answer kept for the round and audience at the view's checkpoint, if any.</summary>
    public RoundRead? Find(Position checkpoint, string roundId, bool cleared)
    {
        var kept = Volatile.Read(ref _kept);
        return kept.Checkpoint == checkpoint && kept.Answers.TryGetValue(new(roundId, cleared), out var read) ? read : null;
    }

    /// <summary>Keeps an answer read once the view had reached the checkpoint; the answers kept under any other go.</summary>
    public void Keep(Position checkpoint, string roundId, bool cleared, RoundRead read)
    {
        var kept = Volatile.Read(ref _kept);
        if (kept.Checkpoint != checkpoint)
        {
            var fresh = new Kept(checkpoint, new());
            kept = Interlocked.CompareExchange(ref _kept, fresh, kept) == kept ? fresh : Volatile.Read(ref _kept);
        }

        // the count is checked before adding, so a burst of first reads may pass the bound by a few, never by more
        if (kept.Checkpoint == checkpoint && kept.Answers.Count < MostAnswers)
        {
            kept.Answers.TryAdd(new(roundId, cleared), read);
        }
    }

    /// <summary>Drops every answer kept: the process no longer commits the view itself.</summary>
    public void Forget()
    {
        // a follower calls this on every read: nothing is allocated when there is nothing to drop
        if (!Volatile.Read(ref _kept).Answers.IsEmpty)
        {
            Volatile.Write(ref _kept, new Kept(Position.Start, new()));
        }
    }

    private readonly record struct Key(string RoundId, bool Cleared);

    private sealed record Kept(Position Checkpoint, ConcurrentDictionary<Key, RoundRead> Answers);
}
