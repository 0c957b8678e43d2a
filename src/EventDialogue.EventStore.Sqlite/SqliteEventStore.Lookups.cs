using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>Many ids or streams looked up in one read: see <see cref="IEventStore.ReadEventsAsync"/> and <see cref="IEventStore.GetStreamRevisionsAsync"/>.</summary>
public sealed partial class SqliteEventStore
{
    // well under SQLite's limit on a statement's parameters
    private const int LookupChunk = 500;

    public async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var found = new List<RecordedEvent>();
        if (eventIds.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in eventIds.Distinct().Chunk(LookupChunk))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {SqliteSchema.Columns} FROM events WHERE event_id IN ({Parameters(command, "$id", chunk)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(SqliteEventReader.Read(reader));
            }
        }

        found.Sort((a, b) => a.Position.Value.CompareTo(b.Position.Value));
        return found;
    }

    public async Task<IReadOnlyDictionary<StreamName, long>> GetStreamRevisionsAsync(IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var revisions = new Dictionary<StreamName, long>();
        if (streams.Count == 0)
        {
            return revisions;
        }

        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in streams.Distinct().Chunk(LookupChunk))
        {
            await using var command = connection.CreateCommand();
            var names = Parameters(command, "$stream", [.. chunk.Select(s => s.Value)]);
            command.CommandText = $"SELECT stream, max(revision) FROM events WHERE stream IN ({names}) GROUP BY stream";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                revisions[StreamName.FromStorage(reader.GetString(0))] = reader.GetInt64(1);
            }
        }

        return revisions;
    }

    private static string Parameters<T>(SqliteCommand command, string prefix, T[] values)
        where T : notnull
    {
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = $"{prefix}{i}";
            command.Parameters.AddWithValue(names[i], values[i]);
        }

        return string.Join(", ", names);
    }
}
