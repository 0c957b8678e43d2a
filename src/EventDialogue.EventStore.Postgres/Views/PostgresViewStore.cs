using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

/// <summary>Views in the events' schema, searched with PostgreSQL full-text search over our own search terms.</summary>
public sealed class PostgresViewStore : IViewStore
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>The connections of the reads: not reset between reads, their statements prepared (see <see cref="PostgresReadConnections"/>).</summary>
    private readonly NpgsqlDataSource _readSource;
    private readonly PostgresViewSql _sql;
    private readonly KeptRankings _rankings = new();

    private PostgresViewStore(string connectionString, NpgsqlDataSource dataSource, PostgresViewSql sql)
    {
        _connectionString = connectionString;
        _dataSource = dataSource;
        _readSource = PostgresReadConnections.DataSource(connectionString);
        _sql = sql;
    }

    public static async Task<PostgresViewStore> OpenAsync(string connectionString, string schema = "public", CancellationToken cancellationToken = default)
    {
        var tables = new PostgresSchema(schema);
        var sql = new PostgresViewSql(tables);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionDisposal = connection.ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                // the same lock the event store takes while creating its table: one creator at a time
                command.Parameters.Add(new NpgsqlParameter { Value = tables.AppendLockKey });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using (var command = new NpgsqlCommand(sql.Create, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await UpgradeSearchAsync(sql, connection, transaction, cancellationToken).ConfigureAwait(false);
            await UpgradeTagsAsync(sql, connection, transaction, cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresViewStore(connectionString, dataSource, sql);
    }

    /// <summary>Brings an index written by an earlier version (or none yet) to the current format.</summary>
    private static Task UpgradeSearchAsync(PostgresViewSql sql, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        UpgradeAsync(connection, transaction, sql.ReadSearchFormat, PostgresViewSql.SearchFormat, sql.UpgradeSearch, cancellationToken);

    /// <summary>Brings tags kept by an earlier version (or none yet) to the current layout, after the search's upgrade.</summary>
    private static Task UpgradeTagsAsync(PostgresViewSql sql, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        UpgradeAsync(connection, transaction, sql.ReadTagsFormat, PostgresViewSql.TagsFormat, sql.UpgradeTags, cancellationToken);

    /// <summary>Runs the upgrade unless the store records the current format.</summary>
    private static async Task UpgradeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string readFormat, int current, string upgrade, CancellationToken cancellationToken)
    {
        using (var read = new NpgsqlCommand(readFormat, connection, transaction))
        {
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int format && format == current)
            {
                return;
            }
        }

        using var command = new NpgsqlCommand(upgrade, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Joins the group of processes on this schema that share the running of the projections; the caller disposes it.</summary>
    public PostgresProjectionCoordination Coordinate() => new(_connectionString, _sql);

    public async Task<Position> ReadCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        var connection = await _readSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand(_sql.ReadCheckpoint, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? new Position(position) : Position.Start;
    }

    public async Task<IViewTransaction> BeginAsync(IReadOnlyList<string> projections, CancellationToken cancellationToken = default) =>
        await BeginHeldAsync(projections, cancellationToken).ConfigureAwait(false);

    private async Task<PostgresViewTransaction> BeginHeldAsync(IReadOnlyList<string> projections, CancellationToken cancellationToken)
    {
        var held = ViewTransactionProjections.Check(projections);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgresViewTransaction.BeginAsync(held, connection, _sql, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var connection = await _readSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        return await _sql.GetAsync(connection, null, collection, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ViewPage> QueryAsync(ViewQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await _readSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        return query.Search is null
            ? await _sql.ListAsync(connection, query, cancellationToken).ConfigureAwait(false)
            : await _sql.SearchAsync(connection, query, _rankings, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var connection = await _readSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        return await _sql.FindAsync(connection, null, collection, tags, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var connection = await _readSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        return await _sql.CountAsync(connection, collection, tags, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ViewReadResults> ReadAsync(ViewReads reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var connection = await _readSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        return await _sql.ReadAsync(connection, reads, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResetAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var statement in _sql.ResetCollections)
            {
                var command = new NpgsqlBatchCommand(statement);
                command.Parameters.Add(new NpgsqlParameter { Value = collections.ToArray() });
                batch.BatchCommands.Add(command);
            }

            var checkpoint = new NpgsqlBatchCommand(_sql.ResetCheckpoint);
            checkpoint.Parameters.Add(new NpgsqlParameter { Value = projection });
            batch.BatchCommands.Add(checkpoint);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Position> ReplaceWithFreshCopyAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var copy = FreshCopy.Of(projection);
        var copies = collections.Select(FreshCopy.Of).ToList();
        var transaction = await BeginHeldAsync([projection, copy], cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        return await transaction.ReplaceWithFreshCopyAsync(projection, copy, collections, copies, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _readSource.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
