using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// One SQL statement prepared once on an open connection and run many times with its values bound by position.
/// A batch of views runs the same few statements thousands of times; through <see cref="SqliteCommand"/> each run looked
/// every parameter up by name, made a data reader and stepped it through an enumerator, which a profile showed as a
/// good part of the views' writes besides SQLite's own work on the rows (docs/benchmarks.md, "The views in a file of
/// their own"; no difference end to end was measured). It runs inside whatever transaction the connection has begun.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int _parameters;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the connection must be open to prepare a statement on it");
        var result = raw.sqlite3_prepare_v2(_database, sql, out _statement, out string rest);
        if (result != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(result, _database);
        }

        if (!string.IsNullOrWhiteSpace(rest))
        {
            _statement.Dispose();
            throw new ArgumentException($"one SQL statement is prepared at a time; this text goes on after it: {rest}", nameof(sql));
        }

        _parameters = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>
    /// Binds the values to the statement's parameters in order (a long, an int, a string, bytes, or null or
    /// <see cref="DBNull"/> for SQL NULL), runs it to the end and returns the first column of its first row, or null
    /// when it returns no row or NULL there.
    /// </summary>
    public object? Run(params ReadOnlySpan<object?> values)
    {
        // a value left out would run with the one bound the time before: bindings outlive a reset
        if (values.Length != _parameters)
        {
            throw new ArgumentException($"the statement has {_parameters} parameters and was given {values.Length} values", nameof(values));
        }

        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(Bind(i + 1, values[i]));
            }

            object? first = null;
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_ROW)
            {
                first = FirstColumn();
                while ((result = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
                {
                }
            }

            Check(result == raw.SQLITE_DONE ? raw.SQLITE_OK : result);
            return first;
        }
        finally
        {
            // a statement left mid-step would keep the transaction from committing; the values are bound afresh each run
            raw.sqlite3_reset(_statement);
        }
    }

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, index),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        _ => throw new ArgumentException($"a value of type {value.GetType().Name} cannot be bound to an SQLite statement", nameof(value)),
    };

    private object? FirstColumn() => raw.sqlite3_column_type(_statement, 0) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, 0),
        raw.SQLITE_NULL => null,
        var type => throw new InvalidOperationException($"an SQLite statement returned a column of type {type}, which no statement of ours returns"),
    };

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    public void Dispose() => _statement.Dispose();
}
