using EventDialogue.EventStore.Integrity;
using Npgsql;
using NpgsqlTypes;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// The SQL of the log's tree in one schema. It grows only under the global append lock held to commit, inside the
/// transaction that writes the events, from the right edge read in that transaction; so the committed leaves are
/// always the events of a prefix of $all, in position order, with no gap in their indexes.
/// </summary>
internal sealed class PostgresTree(PostgresSchema schema)
{
    // Events read per statement when building the tree of events that have none.
    private const int BuildChunk = 500;

    private readonly string _insertLeaves = $"INSERT INTO {schema.TreeLeaves} (leaf_index, position, hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[])";
    private readonly string _insertSubtrees = $"INSERT INTO {schema.TreeSubtrees} (level, subtree, hash) SELECT * FROM unnest($1::integer[], $2::bigint[], $3::bytea[])";
    private readonly string _lastLeafPosition = $"SELECT coalesce(max(position), 0) FROM {schema.TreeLeaves}";
    private readonly string _eventsAfter = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE position > $1 ORDER BY position LIMIT $2";

    public string Size { get; } = $"SELECT coalesce(max(leaf_index) + 1, 0) FROM {schema.TreeLeaves}";

    /// <summary>
    /// The hashes of the subtrees listed as ($1 levels, $2 indexes), as rows of (level, index, hash), in one statement:
    /// a proof's nodes in one round trip. Leaves (level 0) have their own table.
    /// </summary>
    public string SubtreeHashes { get; } = $"""
        SELECT 0, leaf_index, hash FROM {schema.TreeLeaves}
        WHERE leaf_index IN (SELECT subtree FROM unnest($1::integer[], $2::bigint[]) AS wanted(level, subtree) WHERE level = 0)
        UNION ALL
        SELECT level, subtree, hash FROM {schema.TreeSubtrees}
        WHERE (level, subtree) IN (SELECT level, subtree FROM unnest($1::integer[], $2::bigint[]) AS wanted(level, subtree) WHERE level > 0)
        """;

    public string LeafIndex { get; } = $"SELECT leaf_index FROM {schema.TreeLeaves} WHERE position = $1";

    /// <summary>
    /// The tree's size and the hashes of its right edge (<see cref="TreeGrowth.RightEdge"/>), largest first, as rows of
    /// (size, level, hash); level and hash are null on the one row of an empty tree. One index lookup per level.
    /// </summary>
    public string SizeAndRightEdge { get; } = $"""
        WITH size AS (SELECT coalesce(max(leaf_index) + 1, 0) AS n FROM {schema.TreeLeaves})
        SELECT size.n, edge.level, edge.hash
        FROM size LEFT JOIN LATERAL (
            SELECT s.level, s.hash
            FROM generate_series(1, 62) AS l(level)
            JOIN {schema.TreeSubtrees} s ON s.level = l.level AND s.subtree = (size.n >> l.level) - 1
            WHERE ((size.n >> l.level) & 1) = 1
            UNION ALL
            SELECT 0, t.hash FROM {schema.TreeLeaves} t WHERE t.leaf_index = size.n - 1 AND (size.n & 1) = 1
        ) edge ON true
        ORDER BY edge.level DESC
        """;

    /// <summary>Reads the rows of <see cref="SizeAndRightEdge"/> into a growth.</summary>
    public static async Task<TreeGrowth> ReadGrowthAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        long size = 0;
        var edge = new List<byte[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            size = reader.GetInt64(0);
            if (!reader.IsDBNull(2))
            {
                edge.Add(reader.GetFieldValue<byte[]>(2));
            }
        }

        return new TreeGrowth(size, edge);
    }

    /// <summary>Grows the tree by these events (the next in position order), in one round trip.</summary>
    public async Task GrowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TreeGrowth growth, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var leafIndexes = new List<long>(events.Count);
        var positions = new List<long>(events.Count);
        var leafHashes = new List<byte[]>(events.Count);
        var levels = new List<int>();
        var subtrees = new List<long>();
        var subtreeHashes = new List<byte[]>();
        foreach (var recorded in events)
        {
            foreach (var (subtree, hash) in growth.Append(CanonicalEvent.LeafHash(recorded)))
            {
                if (subtree.Level == 0)
                {
                    leafIndexes.Add(subtree.Index);
                    positions.Add(recorded.Position.Value);
                    leafHashes.Add(hash);
                }
                else
                {
                    levels.Add(subtree.Level);
                    subtrees.Add(subtree.Index);
                    subtreeHashes.Add(hash);
                }
            }
        }

        using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(_insertLeaves, leafIndexes.ToArray(), positions.ToArray(), leafHashes.ToArray()),
                Command(_insertSubtrees, levels.ToArray(), subtrees.ToArray(), subtreeHashes.ToArray()),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives every event after the last one with a leaf its leaf, a chunk at a time, as read back from the table: the
    /// events of a store written before the tree was kept, or of a restore. The caller holds the append lock.
    /// </summary>
    public async Task GrowToEveryEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        long after;
        using (var last = new NpgsqlCommand(_lastLeafPosition, connection, transaction))
        {
            after = (long)(await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        while (true)
        {
            var chunk = new List<RecordedEvent>(BuildChunk);
            TreeGrowth growth;
            using var read = new NpgsqlBatch(connection, transaction) { BatchCommands = { Command(_eventsAfter, after, (long)BuildChunk), new NpgsqlBatchCommand(SizeAndRightEdge) } };
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    chunk.Add(PostgresEventReader.Read(reader));
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                growth = await ReadGrowthAsync(reader, cancellationToken).ConfigureAwait(false);
            }

            if (chunk.Count == 0)
            {
                return;
            }

            await GrowAsync(connection, transaction, growth, chunk, cancellationToken).ConfigureAwait(false);
            after = chunk[^1].Position.Value;
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is byte[][]
                ? new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea }
                : new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
