namespace EventDialogue.EventStore.Restore;

/// <summary>
/// The part of a restore every backend shares: takes the events as they arrive, checks them in order and hands them to
/// the backend a batch at a time, so that however long the log, at most a batch of it is held in memory.
/// </summary>
public static class RestoreRun
{
    /// <summary>Events per batch: few enough to hold in memory, enough to keep round trips rare.</summary>
    public const int BatchSize = 500;

    public static async Task<RestoreResult> RunAsync(IAsyncEnumerable<RecordedEvent> events, IRestoreBatches backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(backend);
        var checks = new RestoreChecks();
        var batch = new List<RecordedEvent>(BatchSize);
        long count = 0;
        var arriving = events.GetAsyncEnumerator(cancellationToken);
        await using var arrivingDisposal = arriving.ConfigureAwait(false);
        while (true)
        {
            bool more;
            try
            {
                more = await arriving.MoveNextAsync().ConfigureAwait(false);
            }
            catch (InvalidStoreRequestException)
            {
                // An event that could not even be read as one: the events before it are checked first, so that the
                // refusal names the first bad event, whichever check finds it.
                await FlushAsync().ConfigureAwait(false);
                throw;
            }

            if (!more)
            {
                break;
            }

            batch.Add(arriving.Current);
            if (batch.Count == BatchSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        return new RestoreResult(count, checks.Previous);

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            checks.Check(batch, await backend.LookupAsync(batch, cancellationToken).ConfigureAwait(false));
            await backend.InsertAsync(batch, cancellationToken).ConfigureAwait(false);
            count += batch.Count;
            batch.Clear();
        }
    }
}
