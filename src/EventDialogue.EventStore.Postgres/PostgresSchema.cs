using System.Text.RegularExpressions;

namespace EventDialogue.EventStore.Postgres;

/// <summary>The events table in one PostgreSQL schema (tests and benchmarks each use their own).</summary>
internal sealed partial class PostgresSchema
{
    public PostgresSchema(string name)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new InvalidStoreRequestException("schema", $"'{name}' is not a schema name: lower-case letters, digits and '_', starting with a letter, at most 63 characters");
        }

        Name = name;
        Events = $"\"{name}\".events";
        TreeLeaves = $"\"{name}\".tree_leaves";
        TreeSubtrees = $"\"{name}\".tree_subtrees";
        TreeCheckpoints = $"\"{name}\".tree_checkpoints";
        StoreSchema = $"\"{name}\".store_schema";

        // The global append lock's key: per schema, so that stores in different schemas do not contend.
        AppendLockKey = StableHash($"eventdialogue:{name}:append");
        ProjectionsLockKey = StableHash($"eventdialogue:{name}:projections");

        // Channel names are identifiers of at most 63 bytes: a hash keeps them short whatever the schema's name.
        var channels = $"eventdialogue_{(ulong)StableHash($"eventdialogue:{name}"):x16}";
        AppendedChannel = $"{channels}_appended";
        CheckpointsChannel = $"{channels}_checkpoints";
    }

    public string Name { get; }

    public string Events { get; }

    public string TreeLeaves { get; }

    public string TreeSubtrees { get; }

    public string TreeCheckpoints { get; }

    /// <summary>One row: the version of these tables, for an opening store to know what to migrate.</summary>
    public string StoreSchema { get; }

    /// <summary>2: the log's Merkle tree beside the events (built for the events of a version 1 store when it is opened).</summary>
    public const int Version = 2;

    public long AppendLockKey { get; }

    /// <summary>The session lock held by the one process of a group that runs the projections.</summary>
    public long ProjectionsLockKey { get; }

    /// <summary>NOTIFY channel: events were appended (the payload is empty; listeners read $all).</summary>
    public string AppendedChannel { get; }

    /// <summary>NOTIFY channel: a projection committed a checkpoint (the payload is "projection position").</summary>
    public string CheckpointsChannel { get; }

    public const string Columns = "position, event_id, stream, revision, type, data, metadata, recorded_at";

    // The tree (see ILogTree): tree_leaves holds level 0 (leaf i is the i-th event in position order), tree_subtrees
    // the perfect subtrees of level 1 and up; rows of both are inserted once, in the transaction of the append that
    // completes them, and never updated.
    // transaction_id: the appending transaction, for the $all read horizon (see PostgresEventStore).
    public string Create => $"""
        CREATE SCHEMA IF NOT EXISTS "{Name}";
        CREATE TABLE IF NOT EXISTS {Events} (
            position        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
            event_id        uuid        NOT NULL UNIQUE,
            stream          text        NOT NULL,
            category        text        NOT NULL,
            revision        bigint      NOT NULL,
            type            text        NOT NULL,
            data            text        NOT NULL,
            metadata        text        NOT NULL,
            recorded_at     timestamptz NOT NULL,
            UNIQUE (stream, revision)
        );
        CREATE INDEX IF NOT EXISTS events_by_category ON {Events} (category, position);
        CREATE INDEX IF NOT EXISTS events_by_type ON {Events} (type, position);
        CREATE TABLE IF NOT EXISTS {TreeLeaves} (
            leaf_index      bigint      PRIMARY KEY,
            position        bigint      NOT NULL UNIQUE,
            hash            bytea       NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {TreeSubtrees} (
            level           integer     NOT NULL,
            subtree         bigint      NOT NULL,
            hash            bytea       NOT NULL,
            PRIMARY KEY (level, subtree)
        );
        CREATE TABLE IF NOT EXISTS {TreeCheckpoints} (
            tree_size       bigint      PRIMARY KEY,
            signed_note     text        NOT NULL,
            signed_at       timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {StoreSchema} (
            version         integer     NOT NULL
        );
        """;

    /// <summary>Records the version, once the tables are migrated to it.</summary>
    public string SetVersion => $"DELETE FROM {StoreSchema}; INSERT INTO {StoreSchema} (version) VALUES ({Version});";

    internal static long StableHash(string text)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
