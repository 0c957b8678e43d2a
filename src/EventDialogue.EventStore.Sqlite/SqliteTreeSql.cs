using EventDialogue.EventStore.Integrity;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// The writer's statements for the log's tree: grows it by the events of an append (or of a restore, or of a file
/// written before the tree was kept) inside that write's transaction, from the right edge read in the same transaction.
/// </summary>
internal sealed class SqliteTreeSql : IDisposable
{
    // Events read per statement when building the tree of events that have none.
    private const int BuildChunk = 500;

    private readonly SqliteCommand _size;
    private readonly SqliteCommand _leaf;
    private readonly SqliteCommand _subtree;
    private readonly SqliteCommand _insertLeaf;
    private readonly SqliteCommand _insertSubtree;
    private readonly SqliteCommand _lastLeafPosition;
    private readonly SqliteCommand _eventsAfter;

    public SqliteTreeSql(SqliteConnection writer)
    {
        _size = SqlitePrepared.Command(writer, "SELECT coalesce(max(leaf_index) + 1, 0) FROM tree_leaves");
        _leaf = SqlitePrepared.Command(writer, "SELECT hash FROM tree_leaves WHERE leaf_index = $index", "$index");
        _subtree = SqlitePrepared.Command(writer, "SELECT hash FROM tree_subtrees WHERE level = $level AND subtree = $index", "$level", "$index");
        _insertLeaf = SqlitePrepared.Command(writer, "INSERT INTO tree_leaves (leaf_index, position, hash) VALUES ($index, $position, $hash)", "$index", "$position", "$hash");
        _insertSubtree = SqlitePrepared.Command(writer, "INSERT INTO tree_subtrees (level, subtree, hash) VALUES ($level, $index, $hash)", "$level", "$index", "$hash");
        _lastLeafPosition = SqlitePrepared.Command(writer, "SELECT coalesce(max(position), 0) FROM tree_leaves");
        _eventsAfter = SqlitePrepared.Command(writer, $"SELECT {SqliteSchema.Columns} FROM events WHERE position > $after ORDER BY position LIMIT $count", "$after", "$count");
    }

    /// <summary>Adds these events, in position order after every event with a leaf, as the tree's next leaves.</summary>
    public void Grow(SqliteTransaction transaction, IReadOnlyList<RecordedEvent> events)
    {
        var size = (long)Scalar(_size, transaction)!;
        var edge = TreeGrowth.RightEdge(size).Select(subtree => ReadHash(transaction, subtree)
            ?? throw new InvalidOperationException($"the stored tree of {size} leaves lacks its subtree {subtree}")).ToList();
        var growth = new TreeGrowth(size, edge);
        foreach (var recorded in events)
        {
            var leafIndex = growth.Size;
            foreach (var (subtree, hash) in growth.Append(CanonicalEvent.LeafHash(recorded)))
            {
                if (subtree.Level == 0)
                {
                    Execute(_insertLeaf, transaction, leafIndex, recorded.Position.Value, hash);
                }
                else
                {
                    Execute(_insertSubtree, transaction, subtree.Level, subtree.Index, hash);
                }
            }
        }
    }

    /// <summary>Gives every event after the last one with a leaf its leaf, a chunk at a time, as read back from the table.</summary>
    public long GrowToEveryEvent(SqliteTransaction transaction)
    {
        var after = (long)Scalar(_lastLeafPosition, transaction)!;
        long added = 0;
        while (true)
        {
            _eventsAfter.Transaction = transaction;
            _eventsAfter.Parameters[0].Value = after;
            _eventsAfter.Parameters[1].Value = BuildChunk;
            var chunk = new List<RecordedEvent>(BuildChunk);
            using (var reader = _eventsAfter.ExecuteReader())
            {
                while (reader.Read())
                {
                    chunk.Add(SqliteEventReader.Read(reader));
                }
            }

            if (chunk.Count == 0)
            {
                return added;
            }

            Grow(transaction, chunk);
            added += chunk.Count;
            after = chunk[^1].Position.Value;
        }
    }

    /// <summary>A stored hash: a leaf's for level 0, else an interior subtree's; null when not stored.</summary>
    public byte[]? ReadHash(SqliteTransaction? transaction, PerfectSubtree subtree) => subtree.Level == 0
        ? Scalar(_leaf, transaction, subtree.Index) as byte[]
        : Scalar(_subtree, transaction, subtree.Level, subtree.Index) as byte[];

    public void Dispose()
    {
        foreach (var command in new[] { _size, _leaf, _subtree, _insertLeaf, _insertSubtree, _lastLeafPosition, _eventsAfter })
        {
            command.Dispose();
        }
    }

    private static object? Scalar(SqliteCommand command, SqliteTransaction? transaction, params object[] values)
    {
        Bind(command, transaction, values);
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        Bind(command, transaction, values);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, SqliteTransaction? transaction, object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
