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

    /// <summary>
    /// Opens the views of the events: their own SQLite file beside the events' (or the events' file, if so set), or the
    /// same PostgreSQL schema.
    /// </summary>
    public static async Task<IViewStore> OpenViewsAsync(EventStoreOptions options, IEventStore events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        return options.Backend switch
        {
            EventStoreBackend.Sqlite => await OpenSqliteViewsAsync(options, events, cancellationToken),
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

    /// <summary>
    /// Views in a file of their own are dropped unless they were built from this log (see
    /// <see cref="SqliteViewStore.DropUnlessBuiltFromAsync"/>); views an earlier version kept in the events' file are
    /// dropped from it, as the projections build them in their own file from the log.
    /// </summary>
    private static async Task<IViewStore> OpenSqliteViewsAsync(EventStoreOptions options, IEventStore events, CancellationToken cancellationToken)
    {
        if (options.ViewsInEventsFile)
        {
            return SqliteViewStore.Open(options.SqlitePath);
        }

        var log = events as SqliteEventStore ?? throw new ArgumentException("SQLite views follow an SQLite event store", nameof(events));
        SqliteViewStore.DropViewsFrom(options.SqlitePath);
        var views = SqliteViewStore.Open(options.ViewsFile);
        await views.DropUnlessBuiltFromAsync(log.LogId, events.ReadHeadPositionAsync, cancellationToken);
        return views;
    }
}
