using EventDialogue.EventStore;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Sqlite;

namespace EventDialogue.Server.EventStore;

public static class EventStoreOpener
{
    /// <summary>Opens the configured backend, creating its file or schema when missing.</summary>
    public static async Task<IEventStore> OpenAsync(EventStoreOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend switch
        {
            EventStoreBackend.Sqlite => SqliteEventStore.Open(options.SqlitePath, timeProvider),
            EventStoreBackend.Postgres => await PostgresEventStore.OpenAsync(
                options.PostgresConnectionString!, options.PostgresSchema, timeProvider, cancellationToken: cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Backend, "Unknown event store backend."),
        };
    }
}
