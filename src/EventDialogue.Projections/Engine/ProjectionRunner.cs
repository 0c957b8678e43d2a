using System.Runtime.ExceptionServices;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// Follows $all from the stored checkpoints of one or more projections and applies each event to each. Events are
/// applied in batches, each batch committed with the checkpoints in one transaction; a batch ends when it is full or
/// when the log holds nothing more after it once its gathering time is over (none unless the views' store asks, see
/// <see cref="IProjectionViews.LiveGathering"/>) or a reader waits, so a live view lags by one commit, not by a batch.
/// <para>
/// Projections run by one runner share one read and one parse of the log, and commit each batch together, in one view
/// transaction: a live event costs one wake-up, one read and one commit for all of them, not one each. A projection
/// whose checkpoint is ahead of the others' (it committed further before a restart) takes only the events after it.
/// </para>
/// <para>
/// When the store fails (a database restart, a lost connection), the runner waits with exponential backoff and starts
/// again from the stored checkpoints, for as long as it takes. An event that one projection cannot apply stops that
/// projection alone (see <see cref="StatusOf"/>); the others go on, and the runner returns once none is left.
/// </para>
/// </summary>
/// <param name="read">The parse of a recorded event into its domain event (a shared <paramref name="log"/> uses its own).</param>
/// <param name="watches">Each projection's watch, in the order of <paramref name="projections"/>; pass them in to keep readers waiting on them across runners.</param>
/// <param name="log">A reader of the log shared with other runners while catching up; when not given, the runner has its own.</param>
/// <param name="gathering">How long a live batch may wait for more events before it is committed; when not given, what the views' store asks for (<see cref="IProjectionViews.LiveGathering"/>).</param>
public sealed class ProjectionRunner(
    IReadOnlyList<IProjection> projections,
    IEventStore events,
    IProjectionViews views,
    Func<RecordedEvent, IDomainEvent> read,
    int batchSize = ProjectionRunner.CatchUpBatchSize,
    IReadOnlyList<CheckpointWatch>? watches = null,
    Func<RetryBackoff>? backoff = null,
    TimeProvider? clock = null,
    SharedLogReader? log = null,
    TimeSpan? gathering = null)
{
    /// <summary>
    /// The most events one transaction applies. A batch is this big only while catching up (a rebuild, a restart
    /// behind the head): a live view commits whatever is at hand, usually a few events. Big batches make a rebuild
    /// fold, serialise and write each touched stream's documents once per thousands of events rather than per 500.
    /// 20,000 rather than 5,000: PostgreSQL rebuilt 1.2–1.4x as fast at 53,000 events and 2.2–2.6x at 106,000 (its cost
    /// per batch grew with the views), SQLite the same, for 25–45 MiB more at the peak (docs/benchmarks.md). The
    /// server's default; an operator trades memory for rebuild speed with its setting Views:CatchUpBatchSize.
    /// </summary>
    public const int CatchUpBatchSize = 20_000;

    private readonly IReadOnlyList<Member> _members = Member.All(projections, watches);
    private readonly SharedLogReader _log = log ?? new SharedLogReader(events, read);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly RetryBackoff _backoff = (backoff ?? RetryBackoff.Default)();
    private readonly TimeSpan _gathering = gathering ?? views.LiveGathering;
    private volatile ProjectionOutage? _outage;

    /// <summary>A runner of one projection.</summary>
    public ProjectionRunner(
        IProjection projection,
        IEventStore events,
        IProjectionViews views,
        Func<RecordedEvent, IDomainEvent> read,
        int batchSize = CatchUpBatchSize,
        CheckpointWatch? watch = null,
        Func<RetryBackoff>? backoff = null,
        TimeProvider? clock = null,
        SharedLogReader? log = null,
        TimeSpan? gathering = null)
        : this([projection], events, views, read, batchSize, watch is null ? null : [watch], backoff, clock, log, gathering)
    {
    }

    /// <summary>The store failed and the runner will try again after the delay it gives.</summary>
    public event Action<ProjectionOutage, Exception>? Retrying;

    /// <summary>The store answers again after an outage; the runner follows from the checkpoint it gives (the earliest of its projections').</summary>
    public event Action<Position>? Resumed;

    /// <summary>A projection stopped at an event it cannot apply; the runner goes on with the others.</summary>
    public event Action<string, ProjectionFailure>? Stopped;

    /// <summary>The projections' names, joined: what the runner is called in logs.</summary>
    public string Name { get; } = string.Join(", ", projections.Select(p => p.Name));

    /// <summary>The one projection's committed checkpoint (see <see cref="WatchOf"/> for a runner of several).</summary>
    public CheckpointWatch Watch => Only.Watch;

    /// <summary>The one projection's status (see <see cref="StatusOf"/> for a runner of several).</summary>
    public ProjectionStatus Status => StatusOf(Only.Projection.Name);

    public CheckpointWatch WatchOf(string projection) => Find(projection).Watch;

    public ProjectionStatus StatusOf(string projection)
    {
        var member = Find(projection);
        return new(projection, member.Watch.Checkpoint, member.Failure, member.Failure is null ? _outage : null);
    }

    /// <summary>Runs until cancelled, or until no projection is left that can apply the next event (see <see cref="StatusOf"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var member in _members)
        {
            member.Failure = null;
        }

        while (true)
        {
            var started = _clock.GetTimestamp();
            try
            {
                await FollowAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A run that followed for a while before failing starts a new outage, not the next step of an old one.
                if (_clock.GetElapsedTime(started) >= _backoff.Cap)
                {
                    _backoff.Reset();
                }

                var delay = _backoff.Next();
                var outage = new ProjectionOutage(ex.Message, _backoff.Attempt, delay);
                _outage = outage;
                Retrying?.Invoke(outage, ex);
                await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Member Only => _members.Count == 1 ? _members[0] : throw new InvalidOperationException($"the runner runs {_members.Count} projections: ask for one by name");

    private Member Find(string projection) =>
        _members.FirstOrDefault(m => string.Equals(m.Projection.Name, projection, StringComparison.Ordinal))
        ?? throw new ArgumentException($"the runner does not run {projection}", nameof(projection));

    private List<Member> Following => [.. _members.Where(m => m.Failure is null)];

    /// <summary>Follows $all from the stored checkpoints; returns once every projection is stopped at a poison event, throws when the store fails.</summary>
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var following = Following;
        foreach (var member in following)
        {
            member.Committed = await views.ReadCheckpointAsync(member.Projection.Name, cancellationToken).ConfigureAwait(false);
            member.Watch.Publish(member.Committed);
        }

        var from = following.Count == 0 ? Position.Start : following.Min(m => m.Committed);
        if (_outage is not null)
        {
            _outage = null;
            Resumed?.Invoke(from);
        }

        if (following.Count == 0)
        {
            return;
        }

        var batch = new List<LoggedEvent>(batchSize);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscription = _log.FollowAsync(from, stop.Token).GetAsyncEnumerator(stop.Token);
        var next = subscription.MoveNextAsync().AsTask();
        try
        {
            var gatheringSince = 0L;
            while (true)
            {
                if (!next.IsCompleted && batch.Count > 0)
                {
                    await GatherAsync(next, gatheringSince, cancellationToken).ConfigureAwait(false);
                }

                if (!next.IsCompleted && batch.Count > 0 && !await MoreInTheLogAsync(batch, cancellationToken).ConfigureAwait(false)
                    && !await CommitAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (!await next.ConfigureAwait(false))
                {
                    return;
                }

                if (batch.Count == 0)
                {
                    gatheringSince = _clock.GetTimestamp();
                }

                batch.Add(subscription.Current);
                next = subscription.MoveNextAsync().AsTask();
                if (batch.Count >= batchSize && !await CommitAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            // An async iterator cannot be disposed while a read is pending: end the read first.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await next.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException || StoreFailures.Includes(ex))
            {
                // the pending read was ended on purpose, or it had failed with the store, which is what ends this run
            }

            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits, for what is left of the gathering time since the batch's first event, until the next event comes or a
    /// reader starts waiting for a projection of this runner: then a live batch holds the events of many appends and
    /// costs one commit for them all, and no reader waits on it (read-your-writes is as quick as before).
    /// </summary>
    private async Task GatherAsync(Task<bool> next, long gatheringSince, CancellationToken cancellationToken)
    {
        var left = _gathering - _clock.GetElapsedTime(gatheringSince);
        if (left <= TimeSpan.Zero)
        {
            return;
        }

        var wanted = _members.Select(m => m.Watch.Wanted).ToList();
        if (wanted.Any(w => w.IsCompleted))
        {
            return;
        }

        using var gathered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeUp = Task.Delay(left, _clock, gathered.Token);
        await Task.WhenAny([next, timeUp, .. wanted]).ConfigureAwait(false);

        // the delay ends with the wait, however it ended; a stop of the run is seen by the next read or commit
        await gathered.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the log already holds events after the batch that the subscription has not handed over yet (its next read
    /// has not come back). The batch then waits for them rather than being committed as it is: under a steady stream of
    /// appends the subscription often has nothing at hand for a moment while the log has hundreds more, and committing
    /// each small batch (then waiting for the write turn behind every append queued meanwhile) let the views fall
    /// further behind with every turn, until they caught up in huge batches that held the write turn for seconds while
    /// every writer waited. Taking all that is in the log keeps the views one write turn behind the appends.
    /// </summary>
    private async Task<bool> MoreInTheLogAsync(List<LoggedEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count >= batchSize)
        {
            return false;
        }

        var head = await events.ReadHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        return head > batch[^1].Recorded.Position;
    }

    /// <summary>
    /// Applies and commits the batch for every projection still following that has not committed it yet, in one
    /// transaction. If an event fails in it, the transaction is rolled back and each projection applies the batch in a
    /// transaction of its own; if it fails there, that projection applies it again one event per transaction, so that
    /// every event before the poison one is committed and the failure names the poison event itself. A failure of the
    /// store is never the event's: it is thrown, so that the whole run is tried again later from the stored checkpoints.
    /// </summary>
    /// <returns>False once every projection is stopped at a poison event.</returns>
    private async Task<bool> CommitAsync(List<LoggedEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            var last = batch[^1].Recorded.Position;
            var due = Following.Where(m => m.Committed < last).ToList();
            if (due.Count > 1)
            {
                var error = await TryApplyAsync(due, batch, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    return true;
                }

                ThrowIfTheStoresFault(error);
            }

            foreach (var member in due)
            {
                await CommitAloneAsync(member, batch, cancellationToken).ConfigureAwait(false);
            }

            return Following.Count > 0;
        }
        finally
        {
            batch.Clear();
        }
    }

    private async Task CommitAloneAsync(Member member, List<LoggedEvent> batch, CancellationToken cancellationToken)
    {
        var error = await TryApplyAsync([member], batch, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            return;
        }

        ThrowIfTheStoresFault(error);
        foreach (var logged in batch)
        {
            error = await TryApplyAsync([member], [logged], cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                ThrowIfTheStoresFault(error);
                var recorded = logged.Recorded;
                member.Failure = new ProjectionFailure(recorded.Position, recorded.Type, recorded.Stream.Value, error.Message);
                member.Watch.Stop(member.Failure);
                Stopped?.Invoke(member.Projection.Name, member.Failure);
                return;
            }
        }
    }

    private static void ThrowIfTheStoresFault(Exception error)
    {
        if (StoreFailures.Includes(error))
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    /// <returns>Null once applied and committed (or nothing was left to apply); otherwise what went wrong applying the events, with nothing committed.</returns>
    private async Task<Exception?> TryApplyAsync(List<Member> members, List<LoggedEvent> batch, CancellationToken cancellationToken)
    {
        var checkpoint = batch[^1].Recorded.Position;
        members = [.. members.Where(m => m.Committed < checkpoint)];
        if (members.Count == 0)
        {
            return null;
        }

        // Parsed, applied and prepared (folded, serialised) before the transaction begins, so that none of it holds a
        // backend's write turn (SQLite has one for the whole file); the projections prepare side by side, each on its
        // own state, and only the events of streams a projection follows are parsed, the rest passed by position.
        IProjectionBatch[] prepared;
        try
        {
            prepared = members.Count == 1
                ? [await PrepareAsync(members[0], batch, cancellationToken).ConfigureAwait(false)]
                : await Task.WhenAll(members.Select(m => Task.Run(() => PrepareAsync(m, batch, cancellationToken), cancellationToken))).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }

        var transaction = await views.BeginAsync([.. members.Select(m => m.Projection.Name)], cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        foreach (var member in members)
        {
            var stored = transaction.Checkpoints[member.Projection.Name];
            if (stored != member.Committed)
            {
                // what the batch prepared stands on a checkpoint that is no longer the view's
                throw new CheckpointMovedException(member.Projection.Name, member.Committed, stored);
            }
        }

        try
        {
            foreach (var applying in prepared)
            {
                await applying.FlushAsync(transaction, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // a cancellation is never the event's fault: it ends the run, or (not ours) fails it to be tried again
            return ex;
        }

        await transaction.CommitAsync(members.ToDictionary(m => m.Projection.Name, _ => checkpoint, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        _backoff.Reset();
        foreach (var member in members)
        {
            member.Committed = checkpoint;
            member.Watch.Publish(checkpoint);
        }

        return null;
    }

    /// <summary>The projection's batch of the events after its committed checkpoint, applied and prepared.</summary>
    private async Task<IProjectionBatch> PrepareAsync(Member member, List<LoggedEvent> batch, CancellationToken cancellationToken)
    {
        var projection = member.Projection;
        var applying = projection.Begin(new BatchStart(member.Committed, events));
        foreach (var logged in batch)
        {
            if (logged.Recorded.Position <= member.Committed)
            {
                continue;
            }

            if (projection.Follows(logged.Recorded.Stream))
            {
                applying.Apply(new ProjectedEvent(logged.Recorded, logged.Fact));
            }
            else
            {
                applying.Passed(logged.Recorded.Position);
            }
        }

        await applying.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return applying;
    }

    /// <summary>A projection of the runner: where this run has committed it up to (what its stored checkpoint must still say when it next begins), and whether it stopped.</summary>
    private sealed class Member(IProjection projection, CheckpointWatch watch)
    {
        public IProjection Projection { get; } = projection;

        public CheckpointWatch Watch { get; } = watch;

        private volatile ProjectionFailure? _failure;

        public Position Committed { get; set; }

        /// <summary>The poison event it stopped at, read by status callers on other threads.</summary>
        public ProjectionFailure? Failure
        {
            get => _failure;
            set => _failure = value;
        }

        public static IReadOnlyList<Member> All(IReadOnlyList<IProjection> projections, IReadOnlyList<CheckpointWatch>? watches)
        {
            ArgumentNullException.ThrowIfNull(projections);
            if (projections.Count == 0)
            {
                throw new ArgumentException("a runner needs at least one projection", nameof(projections));
            }

            if (watches is not null && watches.Count != projections.Count)
            {
                throw new ArgumentException($"{watches.Count} watches were given for {projections.Count} projections", nameof(watches));
            }

            if (projections.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ArgumentException($"the projection {twice.Key} is given twice", nameof(projections));
            }

            return [.. projections.Select((p, i) => new Member(p, watches?[i] ?? new CheckpointWatch()))];
        }
    }
}
