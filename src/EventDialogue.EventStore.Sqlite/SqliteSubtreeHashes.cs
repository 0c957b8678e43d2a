using System.Globalization;
using EventDialogue.EventStore.Integrity;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// Reads the stored hashes of a list of subtrees (a root's or a proof's nodes) with one statement, the list passed as
/// one JSON parameter of [level, index] pairs: one query however many nodes, as on PostgreSQL.
/// </summary>
internal static class SqliteSubtreeHashes
{
    // Leaves (level 0) have their own table; both lookups go by primary key.
    private const string Sql = """
        SELECT 0, leaf_index, hash FROM tree_leaves
        WHERE leaf_index IN (SELECT json_extract(value, '$[1]') FROM json_each($wanted) WHERE json_extract(value, '$[0]') = 0)
        UNION ALL
        SELECT level, subtree, hash FROM tree_subtrees
        WHERE (level, subtree) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($wanted) WHERE json_extract(value, '$[0]') > 0)
        """;

    /// <exception cref="InvalidStoreRequestException">One of the subtrees is not in the file's committed tree.</exception>
    public static async ValueTask<IReadOnlyDictionary<PerfectSubtree, byte[]>> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<PerfectSubtree> subtrees, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$wanted", AsJson(subtrees));
        var found = new Dictionary<PerfectSubtree, byte[]>(subtrees.Count);
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[new PerfectSubtree(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
            }
        }

        return LogTreeRequests.EveryOneFound(subtrees, found);
    }

    private static string AsJson(IReadOnlyList<PerfectSubtree> subtrees) =>
        "[" + string.Join(',', subtrees.Select(subtree => string.Create(CultureInfo.InvariantCulture, $"[{subtree.Level},{subtree.Index}]"))) + "]";
}
