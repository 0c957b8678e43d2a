using EventDialogue.EventStore.Access;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Access;

/// <summary>API keys in the events' schema: every server of a group on that schema reads the same keys.</summary>
public sealed class PostgresApiKeyStore : IApiKeyStore
{
    private const string Columns = "name, key_hash, roles, created_at, created_by, revoked_at";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;

    private PostgresApiKeyStore(NpgsqlDataSource dataSource, string table)
    {
        _dataSource = dataSource;
        _table = table;
    }

    public static async Task<PostgresApiKeyStore> OpenAsync(string connectionString, string schema = "public", CancellationToken cancellationToken = default)
    {
        var tables = new PostgresSchema(schema);
        var table = $"\"{tables.Name}\".api_keys";
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionDisposal = connection.ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                // the lock the event store takes while creating its tables: one creator at a time
                command.Parameters.Add(new NpgsqlParameter { Value = tables.AppendLockKey });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var create = $"""
                CREATE SCHEMA IF NOT EXISTS "{tables.Name}";
                CREATE TABLE IF NOT EXISTS {table} (
                    name text PRIMARY KEY,
                    key_hash bytea NOT NULL UNIQUE,
                    roles text NOT NULL,
                    created_at timestamptz NOT NULL,
                    created_by text NOT NULL,
                    revoked_at timestamptz NULL
                );
                """;
            using (var command = new NpgsqlCommand(create, connection, transaction))
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

        return new PostgresApiKeyStore(dataSource, table);
    }

    public async Task<ApiKeyAddOutcome> AddAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        // Nothing is inserted on a conflict with either unique column; which one it was is then read back.
        using (var insert = Insert(connection, key, $"INSERT INTO {_table} ({Columns}) VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT DO NOTHING"))
        {
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return ApiKeyAddOutcome.Added;
            }
        }

        using var which = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {_table} WHERE key_hash = $1)", connection);
        which.Parameters.Add(new NpgsqlParameter { Value = key.Hash });
        return (bool)(await which.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! ? ApiKeyAddOutcome.AlreadyStored : ApiKeyAddOutcome.NameTaken;
    }

    public async Task<bool> AddFirstAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        // Readers go on; a second server adding its first key waits here and then finds this one.
        using (var exclusive = new NpgsqlCommand($"LOCK TABLE {_table} IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
        {
            await exclusive.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var insert = Insert(connection, key, $"INSERT INTO {_table} ({Columns}) SELECT $1, $2, $3, $4, $5, NULL WHERE NOT EXISTS (SELECT 1 FROM {_table})");
        insert.Transaction = transaction;
        var added = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<StoredApiKey?> FindAsync(ReadOnlyMemory<byte> hash, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM {_table} WHERE key_hash = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = hash.ToArray() });
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM {_table} ORDER BY name COLLATE \"C\"", connection);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredApiKey?> RevokeAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand(
            $"UPDATE {_table} SET revoked_at = COALESCE(revoked_at, $2) WHERE name = $1 RETURNING {Columns}", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = at.ToUniversalTime() });
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlCommand Insert(NpgsqlConnection connection, StoredApiKey key, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Hash });
        command.Parameters.Add(new NpgsqlParameter { Value = key.RolesText });
        command.Parameters.Add(new NpgsqlParameter { Value = UnixMicroseconds.Truncate(key.CreatedAt).ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = key.CreatedBy });
        return command;
    }

    private static async Task<IReadOnlyList<StoredApiKey>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var keys = new List<StoredApiKey>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new StoredApiKey(
                reader.GetString(0),
                (byte[])reader.GetValue(1),
                StoredApiKey.ParseRoles(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5))
            {
                Clearances = StoredApiKey.ParseClearances(reader.GetString(2)),
            });
        }

        return keys;
    }
}
