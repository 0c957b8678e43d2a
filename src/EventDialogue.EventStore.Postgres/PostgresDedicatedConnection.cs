using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// Connections held for a long time by one task (to LISTEN, to hold a session lock): never pooled, so that closing one
/// really ends its session, and with it the session's locks.
/// </summary>
internal static class PostgresDedicatedConnection
{
    private const int CommandTimeoutSeconds = 5;

    public static NpgsqlDataSource DataSource(string connectionString) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            CommandTimeout = CommandTimeoutSeconds,
            Timeout = CommandTimeoutSeconds,
        });

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
