using EventDialogue.EventStore.Access;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite.Access;

/// <summary>API keys in the same SQLite file as the events.</summary>
public sealed class SqliteApiKeyStore : IApiKeyStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS api_keys (
            name TEXT PRIMARY KEY,
            key_hash BLOB NOT NULL UNIQUE,
            roles TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            revoked_at INTEGER NULL
        );
        """;

    private const string Columns = "name, key_hash, roles, created_at, created_by, revoked_at";

    private readonly string _connectionString;

    private SqliteApiKeyStore(string connectionString) => _connectionString = connectionString;

    public static SqliteApiKeyStore Open(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + Create;
        command.ExecuteNonQuery();
        return new SqliteApiKeyStore(connectionString);
    }

    public async Task<ApiKeyAddOutcome> AddAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var outcome = await ConflictAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false) ?? ApiKeyAddOutcome.Added;
        if (outcome == ApiKeyAddOutcome.Added)
        {
            await InsertAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public async Task<bool> AddFirstAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Immediate: the write lock is taken before the count is read, so two servers cannot both find it empty.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT EXISTS (SELECT 1 FROM api_keys)";
            if (Convert.ToBoolean(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        await InsertAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<StoredApiKey?> FindAsync(ReadOnlyMemory<byte> hash, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys WHERE key_hash = $hash";
        command.Parameters.AddWithValue("$hash", hash.ToArray());
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys ORDER BY name";
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredApiKey?> RevokeAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var revoke = connection.CreateCommand())
        {
            revoke.Transaction = transaction;
            revoke.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE name = $name AND revoked_at IS NULL";
            revoke.Parameters.AddWithValue("$at", UnixMicroseconds.From(at));
            revoke.Parameters.AddWithValue("$name", name);
            await revoke.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"SELECT {Columns} FROM api_keys WHERE name = $name";
        read.Parameters.AddWithValue("$name", name);
        var revoked = (await ReadAsync(read, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<ApiKeyAddOutcome?> ConflictAsync(SqliteConnection connection, SqliteTransaction transaction, StoredApiKey key, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM api_keys WHERE key_hash = $hash), EXISTS (SELECT 1 FROM api_keys WHERE name = $name)";
        command.Parameters.AddWithValue("$hash", key.Hash);
        command.Parameters.AddWithValue("$name", key.Name);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetBoolean(0) ? ApiKeyAddOutcome.AlreadyStored : reader.GetBoolean(1) ? ApiKeyAddOutcome.NameTaken : null;
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, StoredApiKey key, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO api_keys ({Columns}) VALUES ($name, $hash, $roles, $created_at, $created_by, NULL)";
        command.Parameters.AddWithValue("$name", key.Name);
        command.Parameters.AddWithValue("$hash", key.Hash);
        command.Parameters.AddWithValue("$roles", key.RolesText);
        command.Parameters.AddWithValue("$created_at", UnixMicroseconds.From(key.CreatedAt));
        command.Parameters.AddWithValue("$created_by", key.CreatedBy);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<StoredApiKey>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var keys = new List<StoredApiKey>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new StoredApiKey(
                reader.GetString(0),
                (byte[])reader.GetValue(1),
                StoredApiKey.ParseRoles(reader.GetString(2)),
                UnixMicroseconds.ToDateTimeOffset(reader.GetInt64(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : UnixMicroseconds.ToDateTimeOffset(reader.GetInt64(5)))
            {
                Clearances = StoredApiKey.ParseClearances(reader.GetString(2)),
            });
        }

        return keys;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
