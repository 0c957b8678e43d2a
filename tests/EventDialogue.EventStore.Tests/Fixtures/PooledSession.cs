using Npgsql;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>What a pooled PostgreSQL connection's session keeps when it is handed back: a setting, prepared statements.</summary>
public static class PooledSession
{
    private const string Marker = "eventdialogue.test_marker";

    /// <summary>One connection in the pool: every open gets the session the one before handed back.</summary>
    public static string OneConnection(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1, MinPoolSize = 0 }.ConnectionString;

    public static Task SetMarkerAsync(NpgsqlDataSource dataSource) =>
        ScalarAsync(dataSource, $"SELECT set_config('{Marker}', 'kept', false)");

    /// <returns>"kept" after <see cref="SetMarkerAsync"/> on the same session; empty on a reset or another one.</returns>
    public static Task<string> ReadMarkerAsync(NpgsqlDataSource dataSource) =>
        ScalarAsync(dataSource, $"SELECT coalesce(current_setting('{Marker}', true), '')");

    /// <returns>How many statements with this text the session has prepared, after running it three times.</returns>
    public static async Task<string> PreparedAfterThreeRunsAsync(NpgsqlDataSource dataSource)
    {
        const string Read = "SELECT count(*)::text FROM pg_class WHERE relname = $1";
        for (var i = 0; i < 3; i++)
        {
            await ScalarAsync(dataSource, Read, "pg_class");
        }

        return await ScalarAsync(dataSource, "SELECT count(*)::text FROM pg_prepared_statements WHERE statement = $1", Read);
    }

    private static async Task<string> ScalarAsync(NpgsqlDataSource dataSource, string sql, params string[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (string)(await command.ExecuteScalarAsync())!;
    }
}
