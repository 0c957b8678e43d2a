using EventDialogue.EventStore.Postgres;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// A PostgreSQL store's append lock held from another session, so that a test can make the store's appends wait:
/// while it is held, the first append blocks on it and every later one queues behind, to be committed as one group.
/// </summary>
public sealed class HeldAppendLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;
    private bool _held = true;

    private HeldAppendLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<HeldAppendLock> TakeAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        var key = new PostgresSchema(schema).AppendLockKey;
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new HeldAppendLock(connection, key);
    }

    /// <summary>Waits until another session waits for the lock: an append of the store has taken its turn and blocked.</summary>
    public async Task UntilAnAppendWaitsAsync(CancellationToken cancellationToken)
    {
        // a one-key advisory lock shows its key's high half as classid, its low half as objid, and objsubid 1
        await using var waiting = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
                AND classid::bigint = ($1 >> 32) & 4294967295 AND objid::bigint = $1 & 4294967295
            """,
            _connection);
        waiting.Parameters.Add(new NpgsqlParameter { Value = _key });
        while ((long)(await waiting.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    public async Task ReleaseAsync()
    {
        if (_held)
        {
            _held = false;
            // a session lock outlives a pooled connection's return to the pool, so it is released by hand
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection);
            command.Parameters.Add(new NpgsqlParameter { Value = _key });
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
