using System.Data.Common;
using EventDialogue.EventStore.Relational;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// The log's reads (<see cref="RelationalEventReads"/>) in SQLite's SQL, each on a pooled reading connection of its
/// own, so that readers never wait for the writer. Positions commit in order on SQLite (one writer), so every committed
/// event is visible to <c>$all</c> as soon as it commits. That no read stays open while its events are worked on
/// matters here more than anywhere: an open read would keep the write-ahead log from ever starting over (see
/// <see cref="SqliteWalLimit"/>).
/// </summary>
internal sealed class SqliteEventReads(Func<CancellationToken, Task<SqliteConnection>> openReader) : RelationalEventReads
{
    protected override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        await openReader(cancellationToken).ConfigureAwait(false);

    protected override DbCommand ReadStreamCommand(DbConnection connection, StreamName stream, Direction direction, StreamRevision from, int maxCount) =>
        Command(
            connection,
            direction == Direction.Forwards
                ? $"SELECT {SqliteSchema.Columns} FROM events WHERE stream = $stream AND revision >= $from ORDER BY revision LIMIT $count"
                : $"SELECT {SqliteSchema.Columns} FROM events WHERE stream = $stream AND revision <= $from ORDER BY revision DESC LIMIT $count",
            ("$stream", stream.Value),
            ("$from", from.Value),
            ("$count", maxCount));

    protected override DbCommand ReadEventCommand(DbConnection connection, Guid eventId) =>
        Command(connection, $"SELECT {SqliteSchema.Columns} FROM events WHERE event_id = $id", ("$id", eventId));

    protected override DbCommand StreamRevisionCommand(DbConnection connection, StreamName stream) =>
        Command(connection, "SELECT max(revision) FROM events WHERE stream = $stream", ("$stream", stream.Value));

    protected override DbCommand ReadEventsCommand(DbConnection connection, IReadOnlyList<Guid> eventIds)
    {
        var command = Command(connection, "");
        command.CommandText = $"SELECT {SqliteSchema.Columns} FROM events WHERE event_id IN ({AddList(command, "$id", eventIds)})";
        return command;
    }

    protected override DbCommand StreamRevisionsCommand(DbConnection connection, IReadOnlyList<StreamName> streams)
    {
        var command = Command(connection, "");
        command.CommandText = $"SELECT stream, max(revision) FROM events WHERE stream IN ({AddList(command, "$stream", streams.Select(s => s.Value).ToList())}) GROUP BY stream";
        return command;
    }

    protected override DbCommand ReadAllCommand(DbConnection connection, Position after, AllFilter filter, int count)
    {
        var command = Command(connection, "", ("$after", after.Value), ("$count", count));
        var where = "position > $after";
        foreach (var (column, values) in new[] { ("category", filter.Categories), ("type", filter.EventTypes), ("stream", filter.Streams) })
        {
            if (values.Count > 0)
            {
                where += $" AND {column} IN ({AddList(command, $"${column}", values)})";
            }
        }

        command.CommandText = $"SELECT {SqliteSchema.Columns} FROM events WHERE {where} ORDER BY position LIMIT $count";
        return command;
    }

    protected override DbCommand ReadAllBackwardsCommand(DbConnection connection, Position before, int count) =>
        Command(connection, $"SELECT {SqliteSchema.Columns} FROM events WHERE position < $before ORDER BY position DESC LIMIT $count", ("$before", before.Value), ("$count", count));

    protected override DbCommand ReadHeadCommand(DbConnection connection) => Command(connection, "SELECT coalesce(max(position), 0) FROM events");

    protected override RecordedEvent ReadRow(DbDataReader reader) => SqliteEventReader.Read(reader);

    private static SqliteCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = ((SqliteConnection)connection).CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static string AddList<T>(SqliteCommand command, string prefix, IReadOnlyList<T> values)
        where T : notnull
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"{prefix}{i}";
            command.Parameters.AddWithValue(names[i], values[i]);
        }

        return string.Join(", ", names);
    }
}
