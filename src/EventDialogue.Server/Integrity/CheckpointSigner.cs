using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

/// <summary>
/// Signs a checkpoint of the committed tree whenever it has grown since the last one kept, at most once per interval,
/// and keeps it in the store's log of checkpoints. The first runs at start, so an empty log has a signed checkpoint too
/// (of size 0), and an auditor always has one to hold the server to. A store that cannot be read or written is retried
/// at the next tick: checkpoints lag, nothing is lost, since each covers every event before it. Nothing is signed once a
/// check found the log inconsistent (<see cref="IntegrityState"/>), and each new checkpoint must first be consistent with
/// the last one kept: a tree that shrank or changed under it is reported, not signed.
/// </summary>
public sealed partial class CheckpointSigner(ILogTree tree, LogSigningKey key, IntegrityOptions options, IntegrityState state, LogSelfCheck check, TimeProvider clock, ILogger<CheckpointSigner> logger) : BackgroundService
{
    private long _refusedAt = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, clock);
        do
        {
            try
            {
                await SignIfGrownAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CannotSign(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Signs and keeps a checkpoint of the tree as it is now, unless the last one kept is of this size.</summary>
    public async Task SignIfGrownAsync(CancellationToken cancellationToken)
    {
        var head = await tree.ReadTreeHeadAsync(cancellationToken);
        if (state.Problem is { } found)
        {
            // Said once per size the tree reaches, so that the log shows what was left unsigned without a line per tick.
            if (Interlocked.Exchange(ref _refusedAt, head.Size) != head.Size)
            {
                NotSigning(logger, head.Size, found.Description);
            }

            return;
        }

        var last = await tree.ReadCheckpointAsync(null, cancellationToken);
        if (last is not null && last.TreeSize >= head.Size)
        {
            return;
        }

        if (last is not null && await StillHoldsAsync(last, cancellationToken) is { } problem)
        {
            check.Report(problem);
            return;
        }

        await tree.AppendCheckpointAsync(head.Size, key.Sign(head), cancellationToken);
        Signed(logger, head.Size);
    }

    /// <summary>The stored tree's root at the last signed size must still be the signed one: only then is the new tree an extension of it.</summary>
    private async Task<LogProblem?> StillHoldsAsync(StoredCheckpoint last, CancellationToken cancellationToken)
    {
        var signed = SignedNotes.CheckpointOf(last.SignedNote);
        var root = await new MerkleTree(tree.ReadSubtreeHashesAsync).RootAsync(last.TreeSize, cancellationToken);
        return root.AsSpan().SequenceEqual(signed.RootHash)
            ? null
            : new LogProblem(null, $"the stored tree's first {last.TreeSize} leaves no longer give the root of the checkpoint signed at that size: the tree was rewritten");
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signed a checkpoint of the log at tree size {TreeSize}")]
    private static partial void Signed(ILogger logger, long treeSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not signing a checkpoint of the log at tree size {TreeSize}: it is inconsistent ({Problem})")]
    private static partial void NotSigning(ILogger logger, long treeSize, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sign a checkpoint of the log; trying again at the next interval")]
    private static partial void CannotSign(ILogger logger, Exception exception);
}
