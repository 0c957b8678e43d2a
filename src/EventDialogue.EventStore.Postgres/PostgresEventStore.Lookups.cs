using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>Many ids or streams looked up in one round trip: see <see cref="IEventStore.ReadEventsAsync"/> and <see cref="IEventStore.GetStreamRevisionsAsync"/>.</summary>
public sealed partial class PostgresEventStore
{
    public async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var found = new List<RecordedEvent>();
        if (eventIds.Count == 0)
        {
            return found;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.ReadEvents, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = eventIds.Distinct().ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(PostgresEventReader.Read(reader));
        }

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

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.CurrentRevisions, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.Value).Distinct(StringComparer.Ordinal).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            revisions[StreamName.FromStorage(reader.GetString(0))] = reader.GetInt64(1);
        }

        return revisions;
    }
}
