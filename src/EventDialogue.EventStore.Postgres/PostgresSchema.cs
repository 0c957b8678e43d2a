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

    /// <summary>SQLSTATE raised by <c>append_checked</c> when the stream is not at the revision before the append's first.</summary>
    public const string RevisionMovedState = "ED001";

    /// <summary>SQLSTATE raised by <c>append_checked</c> when one of the append's event ids is stored already.</summary>
    public const string EventIdStoredState = "ED002";

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
    // tree_append: grows the tree by an append's events on the server, in the INSERT's own statement, so that the
    // append lock (held to the commit) is never held across a round trip to the client. The client sends each event's
    // canonical bytes (CanonicalEvent, version 1) with position 0; the function puts the position in (bytes 2 to 9)
    // and hashes as MerkleHashes does. The same tree as PostgresTree's, which migrations and restores use.
    // append_checked: one append's insert and tree_append, checked first on the server (the stream is at the revision
    // before the append's first, none of its event ids is stored), so that a group of appends whose first revisions the
    // client knows needs no state read first: one round trip. A failed check raises one of the states below and writes
    // nothing (no position drawn); the client then decides that append as it decides any other (see PostgresGroupCommit).
    // Created on every open, so a store created before it gets it too.
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
        CREATE OR REPLACE FUNCTION "{Name}".tree_append(positions bigint[], canonical bytea[]) RETURNS bigint
        LANGUAGE plpgsql AS $tree$
        DECLARE
            v_size bigint;
            v_count integer := coalesce(array_length(positions, 1), 0);
            v_edge bytea[];
            v_node bytea;
            v_sibling bytea;
            v_level integer;
            v_subtree bigint;
            v_leaf_indexes bigint[] := ARRAY[]::bigint[];
            v_leaf_hashes bytea[] := ARRAY[]::bytea[];
            v_levels integer[] := ARRAY[]::integer[];
            v_subtrees bigint[] := ARRAY[]::bigint[];
            v_subtree_hashes bytea[] := ARRAY[]::bytea[];
        BEGIN
            -- The size and the last leaf in one probe: the leaf is the right edge's node of level 0 when the size is odd.
            -- v_edge[level + 1] is the edge's perfect subtree of that level (where the size has that bit set), or NULL
            -- until an append needs it.
            v_edge := array_fill(NULL::bytea, ARRAY[64]);
            SELECT leaf_index + 1, hash INTO v_size, v_node FROM {TreeLeaves} ORDER BY leaf_index DESC LIMIT 1;
            v_size := coalesce(v_size, 0);
            IF v_size % 2 = 1 THEN
                v_edge[1] := v_node;
            END IF;
            FOR i IN 1 .. v_count LOOP
                v_node := sha256('\x00'::bytea || overlay(canonical[i] PLACING int8send(positions[i]) FROM 2 FOR 8));
                v_leaf_indexes := v_leaf_indexes || v_size;
                v_leaf_hashes := v_leaf_hashes || v_node;
                v_level := 0;
                v_subtree := v_size;
                WHILE v_subtree % 2 = 1 LOOP
                    -- The left sibling, on the right edge: made by this append, or else stored before it and read only
                    -- now (level 0 never is: the last leaf was read with the size). A single-event append combines with
                    -- the edge's nodes at the size's trailing ones only (one on average); reading the whole edge first
                    -- cost one index lookup per set bit of the size (~10 at a million events).
                    IF v_edge[v_level + 1] IS NULL THEN
                        SELECT hash INTO STRICT v_sibling FROM {TreeSubtrees} WHERE level = v_level AND subtree = v_subtree - 1;
                        v_edge[v_level + 1] := v_sibling;
                    END IF;
                    v_node := sha256('\x01'::bytea || v_edge[v_level + 1] || v_node);
                    v_edge[v_level + 1] := NULL;
                    v_level := v_level + 1;
                    v_subtree := v_subtree / 2;
                    v_levels := v_levels || v_level;
                    v_subtrees := v_subtrees || v_subtree;
                    v_subtree_hashes := v_subtree_hashes || v_node;
                END LOOP;
                v_edge[v_level + 1] := v_node;
                v_size := v_size + 1;
            END LOOP;
            -- One insert per table for the whole append (new rows only: no node is ever updated), none for the subtrees
            -- when the append completes none (one single-event append in two).
            INSERT INTO {TreeLeaves} (leaf_index, position, hash) SELECT * FROM unnest(v_leaf_indexes, positions, v_leaf_hashes);
            IF cardinality(v_levels) > 0 THEN
                INSERT INTO {TreeSubtrees} (level, subtree, hash) SELECT * FROM unnest(v_levels, v_subtrees, v_subtree_hashes);
            END IF;
            RETURN v_size;
        END
        $tree$;
        CREATE OR REPLACE FUNCTION "{Name}".append_checked(p_ids uuid[], p_stream text, p_category text, p_first_revision bigint, p_types text[], p_data text[], p_metadata text[], p_recorded_at timestamptz, p_canonical bytea[], OUT tree_size bigint, OUT last_position bigint)
        LANGUAGE plpgsql AS $append$
        DECLARE
            v_last_revision bigint;
            v_id_stored boolean;
            v_positions bigint[];
            v_canonical bytea[];
        BEGIN
            IF cardinality(p_ids) = 1 THEN
                -- One event, what a command appends: the checks are the insert's own condition, so that the whole append
                -- is one statement, whose cached plan stays on the two unique indexes (an equality on event_id, unlike
                -- = ANY below, cannot turn into a scan of the table). A row that fails them is not inserted and draws no
                -- position; the way below then finds which check failed, under the same lock.
                INSERT INTO {Events} (event_id, stream, category, revision, type, data, metadata, recorded_at)
                SELECT p_ids[1], p_stream, p_category, p_first_revision, p_types[1], p_data[1], p_metadata[1], p_recorded_at
                WHERE coalesce((SELECT max(e.revision) FROM {Events} AS e WHERE e.stream = p_stream), -1) = p_first_revision - 1
                    AND NOT EXISTS (SELECT 1 FROM {Events} AS e WHERE e.event_id = p_ids[1])
                RETURNING position INTO last_position;
                IF last_position IS NOT NULL THEN
                    tree_size := "{Name}".tree_append(ARRAY[last_position], p_canonical);
                    RETURN;
                END IF;
            END IF;
            SELECT max(revision) INTO v_last_revision FROM {Events} WHERE stream = p_stream;
            IF coalesce(v_last_revision, -1) <> p_first_revision - 1 THEN
                RAISE EXCEPTION 'stream % is at revision %, not at %', p_stream, coalesce(v_last_revision::text, 'none'), p_first_revision - 1
                    USING ERRCODE = '{RevisionMovedState}';
            END IF;
            -- Planned for its ids on each call (EXECUTE), not cached: the append connections keep PL/pgSQL's plans
            -- (see PostgresAppendConnections), and a generic plan of this lookup made while the table was small scans
            -- the whole table, on every later append (seen with auto_explain).
            EXECUTE 'SELECT EXISTS (SELECT 1 FROM {Events} WHERE event_id = ANY($1))' INTO v_id_stored USING p_ids;
            IF v_id_stored THEN
                RAISE EXCEPTION 'an event id of the append to stream % is stored already', p_stream USING ERRCODE = '{EventIdStoredState}';
            END IF;
            WITH inserted AS (
                INSERT INTO {Events} (event_id, stream, category, revision, type, data, metadata, recorded_at)
                SELECT e.id, p_stream, p_category, p_first_revision + e.ord - 1, e.type, e.data, e.metadata, p_recorded_at
                FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS e(id, type, data, metadata, ord)
                ORDER BY e.ord
                RETURNING position, revision
            )
            SELECT array_agg(position ORDER BY position), array_agg(p_canonical[revision - p_first_revision + 1] ORDER BY position)
            INTO v_positions, v_canonical
            FROM inserted;
            last_position := v_positions[array_length(v_positions, 1)];
            tree_size := "{Name}".tree_append(v_positions, v_canonical);
        END
        $append$;
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
