using EventDialogue.EventStore;
using EventDialogue.EventStore.Access;
using EventDialogue.EventStore.Postgres.Access;
using EventDialogue.EventStore.Sqlite.Access;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Server.EventStore;

public static class EventStoreOpener
{
    /// <summary>Opens the configured backend, creating its file or schema when missing.</summary>
    public static async Task<IEventStore> OpenAsync(EventStoreOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend switch
        {
            EventStoreBackend.Sqlite => SqliteEventStore.Open(options.SqlitePath, timeProvider, maxSizeBytes: options.SqliteMaxSizeBytes),
            EventStoreBackend.Postgres => await PostgresEventStore.OpenAsync(
                options.PostgresConnectionString!, options.PostgresSchema, timeProvider, cancellationToken: cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Backend, "Unknown event store backend."),
        };
    }

    /// <summary>Opens the views beside the events: the same SQLite file, or the same PostgreSQL schema.</summary>
    public static async Task<IViewStore> OpenViewsAsync(EventStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend switch
        {
            EventStoreBackend.Sqlite => SqliteViewStore.Open(options.SqlitePath),
            EventStoreBackend.Postgres => await PostgresViewStore.OpenAsync(options.PostgresConnectionString!, options.PostgresSchema, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Backend, "Unknown event store backend."),
        };
    }

    /// <summary>Opens the API keys beside the events: the same SQLite file, or the same PostgreSQL schema.</summary>
    public static async Task<IApiKeyStore> OpenApiKeysAsync(EventStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Backend switch
        {
            EventStoreBackend.Sqlite => SqliteApiKeyStore.Open(options.SqlitePath),
            EventStoreBackend.Postgres => await PostgresApiKeyStore.OpenAsync(options.PostgresConnectionString!, options.PostgresSchema, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Backend, "Unknown event store backend."),
        };
    }
}
