using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

/// <summary>Views in the events' schema, searched with PostgreSQL full-text search over our own search terms.</summary>
public sealed class PostgresViewStore : IViewStore
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresViewSql _sql;

    private PostgresViewStore(string connectionString, NpgsqlDataSource dataSource, PostgresViewSql sql)
    {
        _connectionString = connectionString;
        _dataSource = dataSource;
        _sql = sql;
    }

    public static async Task<PostgresViewStore> OpenAsync(string connectionString, string schema = "public", CancellationToken cancellationToken = default)
    {
        var tables = new PostgresSchema(schema);
        var sql = new PostgresViewSql(tables);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                // the same lock the event store takes while creating its table: one creator at a time
                command.Parameters.Add(new NpgsqlParameter { Value = tables.AppendLockKey });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var command = new NpgsqlCommand(sql.Create, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await UpgradeSearchAsync(sql, connection, transaction, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresViewStore(connectionString, dataSource, sql);
    }

    /// <summary>Brings an index written by an earlier version (or none yet) to the current format.</summary>
    private static async Task UpgradeSearchAsync(PostgresViewSql sql, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var read = new NpgsqlCommand(sql.ReadSearchFormat, connection, transaction))
        {
            if (await read.ExecuteScalarAsync(cancellationToken) is int format && format == PostgresViewSql.SearchFormat)
            {
                return;
            }
        }

        await using var upgrade = new NpgsqlCommand(sql.UpgradeSearch, connection, transaction);
        await upgrade.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Joins the group of processes on this schema that share the running of the projections; the caller disposes it.</summary>
    public PostgresProjectionCoordination Coordinate() => new(_connectionString, _sql);

    public async Task<Position> ReadCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(_sql.ReadCheckpoint, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? new Position(position) : Position.Start;
    }

    public async Task<IViewTransaction> BeginAsync(string projection, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await PostgresViewTransaction.BeginAsync(projection, connection, _sql, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _sql.GetAsync(connection, null, collection, id, cancellationToken);
    }

    public async Task<ViewPage> QueryAsync(ViewQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return query.Search is null
            ? await _sql.ListAsync(connection, query, cancellationToken)
            : await _sql.SearchAsync(connection, query, cancellationToken);
    }

    public async Task ResetAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collections);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
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
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
