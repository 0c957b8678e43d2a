using EventDialogue.EventStore.Integrity;
using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// The log's tree as this schema keeps it (see <see cref="PostgresTree"/> for how it grows). Only committed rows are
/// read, and the committed leaves are always a prefix of $all; nothing is cached, so nothing can go stale.
/// </summary>
/// <remarks>
/// The tree's size may for a moment be ahead of what a read of $all returns: the read horizon also waits for
/// transactions of other kinds that started before an append committed (see the class's main comment).
/// </remarks>
public sealed partial class PostgresEventStore : ILogTree
{
    public async Task<TreeHead> ReadTreeHeadAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        long size;
        using (var command = new NpgsqlCommand(_tree.Size, connection))
        {
            size = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        // Every subtree of a committed size was committed with its last leaf, and none is ever changed: a later
        // statement, whatever it sees besides, finds the same hashes.
        var root = await new MerkleTree((subtrees, ct) => ReadSubtreeHashesAsync(connection, subtrees, ct)).RootAsync(size, cancellationToken).ConfigureAwait(false);
        return new TreeHead(size, root);
    }

    public async Task<long> ReadTreeSizeAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand(_tree.Size, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<long?> ReadLeafIndexAsync(Position position, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand(_tree.LeafIndex, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = position.Value });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long index ? index : null;
    }

    public async ValueTask<IReadOnlyDictionary<PerfectSubtree, byte[]>> ReadSubtreeHashesAsync(IReadOnlyList<PerfectSubtree> subtrees, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        return await ReadSubtreeHashesAsync(connection, subtrees, cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendCheckpointAsync(long treeSize, string signedNote, CancellationToken cancellationToken = default)
    {
        LogTreeRequests.ValidateCheckpoint(treeSize, signedNote);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand($"INSERT INTO {_schema.TreeCheckpoints} (tree_size, signed_note, signed_at) VALUES ($1, $2, $3) ON CONFLICT (tree_size) DO NOTHING", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = treeSize });
        command.Parameters.Add(new NpgsqlParameter { Value = signedNote });
        command.Parameters.Add(new NpgsqlParameter { Value = UnixMicroseconds.Truncate(_timeProvider.GetUtcNow()) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredCheckpoint?> ReadCheckpointAsync(long? treeSize = null, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand(
            treeSize is null
                ? $"SELECT tree_size, signed_note, signed_at FROM {_schema.TreeCheckpoints} ORDER BY tree_size DESC LIMIT 1"
                : $"SELECT tree_size, signed_note, signed_at FROM {_schema.TreeCheckpoints} WHERE tree_size = $1",
            connection);
        if (treeSize is { } size)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = size });
        }

        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    private async ValueTask<IReadOnlyDictionary<PerfectSubtree, byte[]>> ReadSubtreeHashesAsync(NpgsqlConnection connection, IReadOnlyList<PerfectSubtree> subtrees, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(_tree.SubtreeHashes, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = subtrees.Select(subtree => subtree.Level).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = subtrees.Select(subtree => subtree.Index).ToArray() });
        var found = new Dictionary<PerfectSubtree, byte[]>(subtrees.Count);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[new PerfectSubtree(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
            }
        }

        return LogTreeRequests.EveryOneFound(subtrees, found);
    }
}
