using EventDialogue.EventStore.GroupCommit;
using EventDialogue.EventStore.Postgres.GroupCommit;
using EventDialogue.EventStore.Subscriptions;
using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// The server event store on PostgreSQL, for many concurrent writers.
/// <para>
/// The problem: positions come from a sequence, and transactions commit in any order, so a reader of $all that
/// sees position 7 may later find that 6 has committed after it; a follower continuing from 7 would skip 6.
/// </para>
/// <para>
/// The solution: writers take their positions inside a global append lock held to the commit (the log's Merkle tree
/// grows in the same transaction, and needs every earlier leaf committed; a process's concurrent appends share one
/// such transaction, see <see cref="AppendQueue"/>). PostgreSQL makes a transaction visible to new snapshots before
/// it releases its locks, so the appending transaction holding position 7 commits, and is visible, before the one
/// holding 8 can even take the lock: a snapshot that sees 8 sees 7. What a reader returns is therefore always a
/// prefix of $all in position order that can never grow in the middle, and it includes every append acknowledged
/// before the read began. (An earlier design also held readers back to the oldest transaction running anywhere on
/// the cluster; with the lock that was redundant, and it hid a client's own acknowledged append from its next read
/// of $all for as long as any unrelated transaction, a view's batch or another database's, stayed open.)
/// </para>
/// <para>
/// Live subscribers learn of appends made by other processes on the same database through LISTEN/NOTIFY; polling is
/// only a backstop.
/// </para>
/// </summary>
public sealed partial class PostgresEventStore : IEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _appendDataSource;

    /// <summary>The connections of the log's reads: not reset between reads, their statements prepared (see <see cref="PostgresReadConnections"/>).</summary>
    private readonly NpgsqlDataSource _readDataSource;
    private readonly PostgresSchema _schema;
    private readonly PostgresEventSql _sql;
    private readonly PostgresTree _tree;
    private readonly PostgresEventReads _reads;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pollInterval;
    private readonly AppendSignal _appended = new();
    private readonly string _connectionString;
    private readonly PostgresAppendNotifier _notifier;
    private readonly AppendQueue _appends;
    private readonly Lock _gate = new();
    private PostgresAppendListener? _listener;

    private PostgresEventStore(string connectionString, NpgsqlDataSource dataSource, PostgresSchema schema, TimeProvider timeProvider, TimeSpan pollInterval)
    {
        _connectionString = connectionString;
        _dataSource = dataSource;
        _appendDataSource = PostgresAppendConnections.DataSource(connectionString);
        _notifier = new PostgresAppendNotifier(_appendDataSource, schema);
        _schema = schema;
        _sql = new PostgresEventSql(schema);
        _tree = new PostgresTree(schema);
        _readDataSource = PostgresReadConnections.DataSource(connectionString);
        _reads = new PostgresEventReads(_readDataSource, schema);
        _timeProvider = timeProvider;
        _pollInterval = pollInterval;
        _appends = new AppendQueue(new PostgresGroupCommit(_appendDataSource, _sql, timeProvider).CommitAsync);
    }

    public string Schema => _schema.Name;

    /// <summary>Opens the store in the given schema, creating its table if needed.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schema">The PostgreSQL schema that holds the events table.</param>
    /// <param name="timeProvider">The server clock for recorded-at; the system clock by default.</param>
    /// <param name="pollInterval">How often live subscribers look for appends, should a notice of one be lost.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<PostgresEventStore> OpenAsync(string connectionString, string schema = "public", TimeProvider? timeProvider = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var tables = new PostgresSchema(schema);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionDisposal = connection.ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);

            // Two servers starting at once must not both create the table.
            using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = tables.AppendLockKey });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using (var command = new NpgsqlCommand(tables.Create, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A store written before the tree was kept (version 1) gets the tree of its events, under the append lock.
            await new PostgresTree(tables).GrowToEveryEventAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            using (var command = new NpgsqlCommand(tables.SetVersion, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresEventStore(connectionString, dataSource, tables, timeProvider ?? TimeProvider.System, pollInterval ?? TimeSpan.FromSeconds(2));
    }

    /// <remarks>
    /// Concurrent appends share a transaction and its commit (see <see cref="AppendQueue"/>): the append lock is held to
    /// the commit, so appends that each committed alone would each wait for a flush of their own, one after another.
    /// </remarks>
    public async Task<AppendResult> AppendToStreamAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        AppendValidation.Validate(stream, events);
        try
        {
            var result = await _appends.AppendAsync(new PendingAppend(stream, expected, events), cancellationToken).ConfigureAwait(false);
            _notifier.Appended();
            return result;
        }
        finally
        {
            _appended.Notify();
        }
    }

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        _reads.ReadStreamAsync(stream, direction, from, maxCount, cancellationToken);

    public Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default) => _reads.ReadEventAsync(eventId, cancellationToken);

    public Task<long?> GetStreamRevisionAsync(StreamName stream, CancellationToken cancellationToken = default) => _reads.GetStreamRevisionAsync(stream, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default) =>
        _reads.ReadEventsAsync(eventIds, cancellationToken);

    public Task<IReadOnlyDictionary<StreamName, long>> GetStreamRevisionsAsync(IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default) =>
        _reads.GetStreamRevisionsAsync(streams, cancellationToken);

    public Task<StoreLookup> LookUpAsync(IReadOnlyCollection<Guid> eventIds, IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default) =>
        _reads.LookUpAsync(eventIds, streams, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(Position after, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        _reads.ReadAllAsync(after, filter, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllBackwardsAsync(Position before, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        _reads.ReadAllBackwardsAsync(before, filter, maxCount, cancellationToken);

    public Task<Position> ReadHeadPositionAsync(CancellationToken cancellationToken = default) => _reads.ReadHeadPositionAsync(cancellationToken);

    public IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Listen();
        return CatchUpSubscription.Run(ReadAllAsync, ReadHeadPositionAsync, _appended, _pollInterval, after, filter, _timeProvider, cancellationToken);
    }

    public IAsyncEnumerable<FollowStep> FollowAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Listen();
        return CatchUpSubscription.Follow(ReadAllAsync, ReadHeadPositionAsync, _appended, _pollInterval, after, filter, _timeProvider, cancellationToken);
    }

    private void Listen()
    {
        lock (_gate)
        {
            // one listener for every subscriber, started by the first: a store that is never followed holds no connection
            _listener ??= new PostgresAppendListener(_connectionString, _schema, _appended);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        await _notifier.DisposeAsync().ConfigureAwait(false);
        await _appendDataSource.DisposeAsync().ConfigureAwait(false);
        await _readDataSource.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
