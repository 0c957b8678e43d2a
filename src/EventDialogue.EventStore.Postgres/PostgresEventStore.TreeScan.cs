using System.Runtime.CompilerServices;
using EventDialogue.EventStore.Integrity;
using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>The tree's leaves and checkpoints read in order, for checking the stored tree against the events.</summary>
public sealed partial class PostgresEventStore
{
    public async IAsyncEnumerable<StoredLeaf> ReadLeavesAsync(long fromIndex, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand($"SELECT leaf_index, position, hash FROM {_schema.TreeLeaves} WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = fromIndex });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)maxCount });
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredLeaf(reader.GetInt64(0), new Position(reader.GetInt64(1)), reader.GetFieldValue<byte[]>(2));
        }
    }

    public async IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync(long fromSize, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var command = new NpgsqlCommand($"SELECT tree_size, signed_note, signed_at FROM {_schema.TreeCheckpoints} WHERE tree_size >= $1 ORDER BY tree_size LIMIT $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = fromSize });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)maxCount });
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
        }
    }
}
