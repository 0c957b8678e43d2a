using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// A pool whose connections keep their session when handed back (<c>No Reset On Close</c>: no <c>DISCARD ALL</c>) and
/// prepare the statements they repeat (<c>Max Auto Prepare</c>), what the append and read pools share. Each of them
/// says why its connections need no reset and how many statements it repeats.
/// </summary>
internal static class PostgresKeptSessions
{
    public static NpgsqlDataSource DataSource(string connectionString, int preparedStatements) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true,
            MaxAutoPrepare = preparedStatements,
            // prepared the second time a connection runs it: every statement of these pools recurs, and there are few
            AutoPrepareMinUsages = 2,
        });
}
