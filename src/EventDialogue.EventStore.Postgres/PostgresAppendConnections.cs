using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// The pool of the connections that write appends (and send the append notices): a pool of its own, whose connections are
/// not reset when they go back to it (<c>No Reset On Close</c>). Npgsql resets a pooled connection with
/// <c>DISCARD ALL</c>, which also throws away the plans PL/pgSQL caches for <c>append_checked</c> and
/// <c>tree_append</c>, so every append planned their statements again: measured with <c>pg_stat_statements</c>, about
/// 1.1 ms of the 1.8 ms an append spent in <c>append_checked</c> (docs/benchmarks.md). Nothing here needs the reset:
/// these connections run only whole transactions that end in <c>COMMIT</c> or <c>ROLLBACK</c> (a connection that fails
/// to roll back is dropped from the pool), take only transaction-scoped locks, set nothing for the session, LISTEN on
/// nothing and create no temporary tables. The store's reads have a pool of their own (<see cref="PostgresReadConnections"/>);
/// its other connections keep the reset.
/// They also prepare the statements they repeat (<c>Max Auto Prepare</c>): an append's few statements (the transaction's
/// begin and commit, the lock, the checked insert) are then neither parsed nor planned again on the server; the only
/// session state that adds is the prepared statements themselves.
/// </summary>
internal static class PostgresAppendConnections
{
    /// <summary>
    /// More than the distinct statements an append sends (begin, lock, two kinds of insert, the state reads, commit,
    /// rollback, the notice), with room for the savepoints of the first few appends of a group.
    /// </summary>
    private const int PreparedStatements = 32;

    public static NpgsqlDataSource DataSource(string connectionString) => PostgresKeptSessions.DataSource(connectionString, PreparedStatements);
}
