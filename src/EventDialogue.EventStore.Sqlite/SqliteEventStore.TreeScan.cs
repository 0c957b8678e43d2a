using System.Runtime.CompilerServices;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>The tree's leaves and checkpoints read in order, for checking the stored tree against the events.</summary>
public sealed partial class SqliteEventStore
{
    public async IAsyncEnumerable<StoredLeaf> ReadLeavesAsync(long fromIndex, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT leaf_index, position, hash FROM tree_leaves WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2";
        command.Parameters.AddWithValue("$1", fromIndex);
        command.Parameters.AddWithValue("$2", maxCount);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredLeaf(reader.GetInt64(0), new Position(reader.GetInt64(1)), (byte[])reader.GetValue(2));
        }
    }

    public async IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync(long fromSize, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tree_size, signed_note, signed_at FROM tree_checkpoints WHERE tree_size >= $1 ORDER BY tree_size LIMIT $2";
        command.Parameters.AddWithValue("$1", fromSize);
        command.Parameters.AddWithValue("$2", maxCount);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredCheckpoint(reader.GetInt64(0), reader.GetString(1), UnixMicroseconds.ToDateTimeOffset(reader.GetInt64(2)));
        }
    }
}
