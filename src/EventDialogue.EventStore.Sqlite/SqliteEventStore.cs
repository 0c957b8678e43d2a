using EventDialogue.EventStore.GroupCommit;
using EventDialogue.EventStore.Subscriptions;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// The embedded event store: one SQLite file in WAL mode. Appends are serialised through one writer connection
/// (SQLite allows one writer at a time anyway), so positions commit in order and a reader of $all cannot skip one;
/// readers use their own pooled connections and never block the writer. Concurrent appends share a transaction and
/// its one flush to disk (see <see cref="AppendQueue"/>).
/// </summary>
public sealed partial class SqliteEventStore : IEventStore
{
    private readonly string _connectionString;

    private readonly TimeProvider _timeProvider;
    private readonly SqliteConnection _writer;
    private readonly SqliteAppendSql _commands;
    private readonly SqliteTreeSql _tree;
    private readonly SqliteEventReads _reads;
    private readonly SemaphoreSlim _writeGate;
    private readonly AppendQueue _appends;
    private readonly AppendSignal _appended = new();
    private readonly TimeSpan _pollInterval;
    private int _disposed;

    private SqliteEventStore(string connectionString, SqliteConnection writer, TimeProvider timeProvider, TimeSpan pollInterval)
    {
        _connectionString = connectionString;
        _writer = writer;
        _timeProvider = timeProvider;
        _pollInterval = pollInterval;
        _commands = new SqliteAppendSql(writer);
        _tree = new SqliteTreeSql(writer);
        _reads = new SqliteEventReads(OpenReaderAsync);
        _writeGate = SqliteWriteGate.For(new SqliteConnectionStringBuilder(connectionString).DataSource);
        _appends = new AppendQueue(CommitTogetherAsync);
    }

    public string Path => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>Opens (creating if needed) the store in the given file.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="timeProvider">The server clock for recorded-at; the system clock by default.</param>
    /// <param name="pollInterval">How often live subscribers look for appends made by other processes.</param>
    /// <param name="maxSizeBytes">Appends that would grow the file past this size fail with SQLITE_FULL, as on a full disk; no cap by default.</param>
    public static SqliteEventStore Open(string path, TimeProvider? timeProvider = null, TimeSpan? pollInterval = null, long? maxSizeBytes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SqliteFolder.MakeFor(path);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        var writer = new SqliteConnection(connectionString);
        writer.Open();
        string logId;
        try
        {
            // WAL: readers never block the writer nor each other.
            // synchronous=FULL: in WAL mode, NORMAL already survives a crash of the process, but a commit may be
            // rolled back by a power loss or an OS crash. An acknowledged event must never be lost, so every commit
            // syncs the WAL to disk before the append returns.
            // temp_store=MEMORY: a statement's undo pages (its statement journal) stay in memory. Concurrent batches
            // of 1,000 outgrew SQLite's 64 KiB allowance, after which the journal was a temporary file written with a
            // system call per page for the rest of the transaction; kept in memory, such batches appended 1.1x as fast
            // (docs/benchmarks.md). A crash needs only the WAL, never this journal, so nothing durable changes.
            Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;");
            Execute(writer, SqliteSchema.Create);
            logId = ReadOrGiveLogId(writer);
            if (maxSizeBytes is { } cap)
            {
                // Per connection, and only this one appends: the cap holds the log back, not the views' writes.
                Execute(writer, $"PRAGMA max_page_count={Math.Max(1, cap / PageSize(writer))};");
            }
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        var store = new SqliteEventStore(connectionString, writer, timeProvider ?? TimeProvider.System, pollInterval ?? TimeSpan.FromSeconds(1)) { LogId = logId };
        try
        {
            store.GrowTreeToEveryEvent();
        }
        catch
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return store;
    }

    /// <summary>
    /// Builds the tree of the events that have no leaf yet: those of a file written before the tree was kept (schema
    /// version 1). Under the write turn, in one transaction, so a concurrent append waits and then grows it further.
    /// </summary>
    private void GrowTreeToEveryEvent()
    {
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            _tree.GrowToEveryEvent(transaction);
            transaction.Commit();
            Execute(_writer, $"PRAGMA user_version={SqliteSchema.Version};");
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<AppendResult> AppendToStreamAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        AppendValidation.Validate(stream, events);
        return await _appends.AppendAsync(new PendingAppend(stream, expected, events), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One append's checks and inserts inside the caller's transaction (a lone append's, or one part of an append to
    /// several streams); the events written are added to <paramref name="recorded"/>, for the caller to grow the tree by
    /// before it commits. A retry of a stored append writes nothing and returns its first result.
    /// </summary>
    private AppendResult AppendWithin(SqliteTransaction transaction, StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, List<RecordedEvent> recorded)
    {
        if (_commands.FindStored(transaction, events[0].EventId) is not null)
        {
            return IdempotentRetry.Match(stream, events, _commands.FindAllStored(transaction, events));
        }

        var current = _commands.CurrentRevision(transaction, stream);
        if (!expected.IsSatisfiedBy(current))
        {
            throw new WrongExpectedRevisionException(stream, expected, current);
        }

        var recordedAt = UnixMicroseconds.From(_timeProvider.GetUtcNow());
        var revision = current ?? -1;
        long position = 0;
        foreach (var e in events)
        {
            revision++;
            var metadata = EventMetadataJson.Serialize(e.Metadata);
            try
            {
                position = _commands.Insert(transaction, stream, revision, e, metadata, recordedAt);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                var taken = _commands.FindStored(transaction, e.EventId);
                throw taken is null
                    ? ex
                    : new DuplicateEventIdException(e.EventId, $"it was appended to stream '{taken.Stream}' at revision {taken.Revision}");
            }

            // the event as a reader will read it back, which is what an auditor recomputes its leaf from
            recorded.Add(new RecordedEvent(e.EventId, e.Type, stream, revision, new Position(position), UnixMicroseconds.ToDateTimeOffset(recordedAt), e.Data, EventMetadataJson.Deserialize(metadata)));
        }

        return new AppendResult(stream, revision, new Position(position));
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
        return CatchUpSubscription.Run(ReadAllAsync, ReadHeadPositionAsync, _appended, _pollInterval, after, filter, _timeProvider, cancellationToken);
    }

    public IAsyncEnumerable<FollowStep> FollowAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return CatchUpSubscription.Follow(ReadAllAsync, ReadHeadPositionAsync, _appended, _pollInterval, after, filter, _timeProvider, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _commands.Dispose();
            _tree.Dispose();
            await _writer.DisposeAsync().ConfigureAwait(false);
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// The log's own id, given at random when its file is first opened and kept with the events: what tells this log
    /// from another put in its place (views kept in a file of their own check it before following the log).
    /// </summary>
    public string LogId { get; private init; } = string.Empty;

    private static string ReadOrGiveLogId(SqliteConnection writer)
    {
        using var command = writer.CreateCommand();
        command.CommandText = "INSERT INTO log_identity (one, id) VALUES (1, $id) ON CONFLICT (one) DO NOTHING; SELECT id FROM log_identity";
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        return (string)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long PageSize(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
