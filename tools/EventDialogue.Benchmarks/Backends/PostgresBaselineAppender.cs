using System.Text;
using EventDialogue.Benchmarks.Workload;
using Npgsql;
using NpgsqlTypes;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>
/// One PostgreSQL baseline writer on its own connection. Every append, one event or a batch, is a single autocommit
/// <c>INSERT ... VALUES (...), (...)</c>: one statement, one round trip, one transaction. That is the fastest plain
/// way to write a batch (a hundred separate INSERTs, even sent in one round trip, were about three times slower in
/// trial runs), so the baseline is a high bar.
/// </summary>
internal sealed class PostgresBaselineAppender(NpgsqlConnection connection, string table) : IAppender
{
    private const int ColumnCount = 8;

    private readonly Dictionary<int, string> _insertByRowCount = [];

    public async Task AppendAsync(PlannedAppend append, CancellationToken cancellationToken)
    {
        var recordedAt = DateTime.UtcNow;
        await using var command = new NpgsqlCommand(Insert(append.Events.Count), connection);
        var parameters = command.Parameters;
        for (var i = 0; i < append.Events.Count; i++)
        {
            var e = append.Events[i];
            parameters.Add(new NpgsqlParameter<Guid> { TypedValue = e.EventId });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = append.Stream.Value });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = append.Stream.Category });
            parameters.Add(new NpgsqlParameter<long> { TypedValue = append.FirstRevision + i });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Type });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Data });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = append.MetadataJson });
            parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = recordedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private string Insert(int rows)
    {
        if (_insertByRowCount.TryGetValue(rows, out var sql))
        {
            return sql;
        }

        var text = new StringBuilder($"INSERT INTO {table} (event_id, stream, category, revision, type, data, metadata, recorded_at) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 1; column <= ColumnCount; column++)
            {
                text.Append(column == 1 ? "$" : ", $").Append((row * ColumnCount) + column);
            }

            text.Append(')');
        }

        return _insertByRowCount[rows] = text.ToString();
    }
}
