using EventDialogue.EventStore.Integrity;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// The log's tree as this file keeps it (see <see cref="SqliteTreeSql"/> for how it grows). Reads use their own
/// connections, each a snapshot of committed appends only; nothing is cached, so nothing can go stale.
/// </summary>
public sealed partial class SqliteEventStore : ILogTree
{
    public async Task<TreeHead> ReadTreeHeadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        // one deferred (read) transaction: the size and every hash of its root come from the same snapshot
        using var transaction = connection.BeginTransaction(deferred: true);
        var size = await ReadTreeSizeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var root = await new MerkleTree((subtrees, ct) => SqliteSubtreeHashes.ReadAsync(connection, transaction, subtrees, ct)).RootAsync(size, cancellationToken).ConfigureAwait(false);
        return new TreeHead(size, root);
    }

    public async Task<long> ReadTreeSizeAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadTreeSizeAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ReadTreeSizeAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT coalesce(max(leaf_index) + 1, 0) FROM tree_leaves", [], cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<long?> ReadLeafIndexAsync(Position position, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync(connection, null, "SELECT leaf_index FROM tree_leaves WHERE position = $1", [position.Value], cancellationToken).ConfigureAwait(false) is long index ? index : null;
    }

    public async ValueTask<IReadOnlyDictionary<PerfectSubtree, byte[]>> ReadSubtreeHashesAsync(IReadOnlyList<PerfectSubtree> subtrees, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteSubtreeHashes.ReadAsync(connection, null, subtrees, cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendCheckpointAsync(long treeSize, string signedNote, CancellationToken cancellationToken = default)
    {
        LogTreeRequests.ValidateCheckpoint(treeSize, signedNote);
        var signedAt = UnixMicroseconds.From(_timeProvider.GetUtcNow());
        // through the write turn, as every write to the file goes, so that it waits its turn rather than for SQLite's lock
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _writer.CreateCommand();
            command.CommandText = "INSERT INTO tree_checkpoints (tree_size, signed_note, signed_at) VALUES ($1, $2, $3) ON CONFLICT (tree_size) DO NOTHING";
            command.Parameters.AddWithValue("$1", treeSize);
            command.Parameters.AddWithValue("$2", signedNote);
            command.Parameters.AddWithValue("$3", signedAt);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<StoredCheckpoint?> ReadCheckpointAsync(long? treeSize = null, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = treeSize is null
            ? "SELECT tree_size, signed_note, signed_at FROM tree_checkpoints ORDER BY tree_size DESC LIMIT 1"
            : "SELECT tree_size, signed_note, signed_at FROM tree_checkpoints WHERE tree_size = $1";
        if (treeSize is { } size)
        {
            command.Parameters.AddWithValue("$1", size);
        }

        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredCheckpoint(reader.GetInt64(0), reader.GetString(1), UnixMicroseconds.ToDateTimeOffset(reader.GetInt64(2)))
            : null;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, object[] values, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
