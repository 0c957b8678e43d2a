using EventDialogue.EventStore;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

/// <summary>
/// The events from leaf <c>start</c> on, replayed beside the stored leaves: the first event that is not where its leaf
/// says, or does not hash to it, is the first bad position. Appends that commit during the replay are beyond the tree
/// it holds them to, and have leaves of their own; an event past the tree with no leaf was written behind the server.
/// </summary>
internal sealed class LeafReplay(IEventStore store, ILogTree tree, TreeHead head, long start, IReadOnlyDictionary<long, (StoredCheckpoint Stored, Checkpoint Checkpoint)> checkpoints)
{
    public long Replayed { get; private set; }

    public async Task<LogProblem?> RunAsync(CancellationToken cancellationToken)
    {
        var fold = await TreeFold.StartingAtAsync(tree, start, cancellationToken);
        if (RootDiffers(fold) is { } atStart)
        {
            return new LogProblem(null, atStart);
        }

        var after = await PositionBeforeAsync(cancellationToken);
        await using var leaves = tree.ReadLeavesAsync(start, (int)Math.Min(int.MaxValue, head.Size - start), cancellationToken).GetAsyncEnumerator(cancellationToken);
        var events = new EventCursor(store, after);
        await using (events)
        {
            for (var index = start; ; index++)
            {
                var leaf = await leaves.MoveNextAsync() ? leaves.Current : null;
                var recorded = await events.NextAsync(cancellationToken);
                if (leaf is null)
                {
                    return recorded is null ? AtEnd(fold) : await BeyondTreeAsync(recorded, cancellationToken);
                }

                if (leaf.Index != index)
                {
                    return new LogProblem(leaf.Position.Value, $"leaf {index} is missing from the stored tree (the next stored is leaf {leaf.Index}, position {leaf.Position.Value})");
                }

                if (Mismatch(leaf, recorded) is { } problem)
                {
                    return problem;
                }

                fold.Append(leaf.Hash);
                Replayed++;
                if (RootDiffers(fold) is { } signed)
                {
                    return new LogProblem(null, $"{signed}; the events up to position {leaf.Position.Value} (leaf {index}) do not give its root");
                }
            }
        }
    }

    private static LogProblem? Mismatch(StoredLeaf leaf, RecordedEvent? recorded)
    {
        if (recorded is null || recorded.Position > leaf.Position)
        {
            return new LogProblem(leaf.Position.Value, $"the event at position {leaf.Position.Value} (leaf {leaf.Index}) is missing: its row was deleted or moved");
        }

        if (recorded.Position < leaf.Position)
        {
            return new LogProblem(recorded.Position.Value, $"the event at position {recorded.Position.Value} is not in the tree (leaf {leaf.Index} is position {leaf.Position.Value}): it was inserted");
        }

        return CanonicalEvent.LeafHash(recorded).AsSpan().SequenceEqual(leaf.Hash)
            ? null
            : new LogProblem(recorded.Position.Value, $"the event at position {recorded.Position.Value} (leaf {leaf.Index}) does not hash to its leaf: it was changed after it was recorded");
    }

    private string? RootDiffers(TreeFold fold) =>
        checkpoints.TryGetValue(fold.Size, out var signed) && !signed.Checkpoint.RootHash.AsSpan().SequenceEqual(fold.Root())
            ? $"the signed checkpoint of tree size {fold.Size} does not match the stored tree"
            : null;

    private LogProblem? AtEnd(TreeFold fold) =>
        fold.Root().AsSpan().SequenceEqual(head.RootHash)
            ? null
            : new LogProblem(null, $"the stored tree's interior hashes do not match its {head.Size} leaves: they were changed");

    private async Task<LogProblem?> BeyondTreeAsync(RecordedEvent recorded, CancellationToken cancellationToken) =>
        await tree.ReadLeafIndexAsync(recorded.Position, cancellationToken) is null
            ? new LogProblem(recorded.Position.Value, $"the event at position {recorded.Position.Value} is not in the tree, which ends before it: it was inserted")
            : null;

    /// <summary>The position of the leaf before the first replayed: the events in between would be inserted ones.</summary>
    private async Task<Position> PositionBeforeAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            await foreach (var leaf in tree.ReadLeavesAsync(start - 1, 1, cancellationToken))
            {
                return leaf.Position;
            }
        }

        return new Position(0);
    }

    /// <summary>
    /// The events after a position, read on. When they seem to end, one fresh read makes sure: PostgreSQL's read horizon
    /// may for a moment lag behind a tree that has just grown, and a missing event must not be reported for that.
    /// </summary>
    private sealed class EventCursor(IEventStore store, Position after) : IAsyncDisposable
    {
        private IAsyncEnumerator<RecordedEvent>? _events;
        private Position _last = after;
        private bool _rereadAtEnd;

        public async Task<RecordedEvent?> NextAsync(CancellationToken cancellationToken)
        {
            _events ??= store.ReadAllAsync(_last, AllFilter.None, int.MaxValue, cancellationToken).GetAsyncEnumerator(cancellationToken);
            if (await _events.MoveNextAsync())
            {
                _last = _events.Current.Position;
                return _events.Current;
            }

            if (_rereadAtEnd)
            {
                return null;
            }

            _rereadAtEnd = true;
            await _events.DisposeAsync();
            _events = null;
            return await NextAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_events is not null)
            {
                await _events.DisposeAsync();
            }
        }
    }
}
