using EventDialogue.EventStore.Sqlite.Views;
using Npgsql;

namespace EventDialogue.Server.EventStore;

/// <summary>Which event store the server uses: the "EventStore" configuration section, checked.</summary>
/// <param name="Backend">EventStore:Backend, "sqlite" (the default) or "postgres".</param>
/// <param name="SqlitePath">EventStore:SqlitePath as a full path; a relative one is taken from the working directory.</param>
/// <param name="PostgresConnectionString">EventStore:PostgresConnectionString, required for postgres.</param>
/// <param name="PostgresSchema">EventStore:PostgresSchema, "public" by default.</param>
/// <param name="SqliteMaxSizeBytes">EventStore:SqliteMaxSizeBytes, a size past which appends are refused as on a full disk; none by default.</param>
/// <param name="SqliteViewsPath">EventStore:SqliteViewsPath as a full path; by default the file beside the events' (<see cref="SqliteViewStore.FileBeside"/>).</param>
public sealed record EventStoreOptions(
    EventStoreBackend Backend,
    string SqlitePath,
    string? PostgresConnectionString,
    string PostgresSchema,
    long? SqliteMaxSizeBytes = null,
    string? SqliteViewsPath = null)
{
    public const string Section = "EventStore";
    public const string BackendKey = Section + ":Backend";
    public const string SqlitePathKey = Section + ":SqlitePath";
    public const string PostgresConnectionStringKey = Section + ":PostgresConnectionString";
    public const string PostgresSchemaKey = Section + ":PostgresSchema";
    public const string SqliteMaxSizeBytesKey = Section + ":SqliteMaxSizeBytes";
    public const string SqliteViewsPathKey = Section + ":SqliteViewsPath";

    public const string DefaultSqlitePath = "data/eventdialogue.sqlite";
    public const string DefaultPostgresSchema = "public";

    /// <summary>Reads and checks the settings, so that a mistake stops the server before it opens anything.</summary>
    /// <exception cref="EventStoreConfigurationException">A setting is missing or wrong.</exception>
    public static EventStoreOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var backend = ParseBackend(configuration[BackendKey]);
        var sqlitePath = configuration[SqlitePathKey] ?? DefaultSqlitePath;
        var connectionString = configuration[PostgresConnectionStringKey];
        var schema = configuration[PostgresSchemaKey] ?? DefaultPostgresSchema;

        if (backend == EventStoreBackend.Sqlite && string.IsNullOrWhiteSpace(sqlitePath))
        {
            throw new EventStoreConfigurationException($"{SqlitePathKey} is empty; give the SQLite file to use (default \"{DefaultSqlitePath}\").");
        }

        if (backend == EventStoreBackend.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new EventStoreConfigurationException($"{PostgresConnectionStringKey} is required when {BackendKey} is \"postgres\".");
            }

            CheckConnectionString(connectionString);
            if (string.IsNullOrWhiteSpace(schema))
            {
                throw new EventStoreConfigurationException($"{PostgresSchemaKey} is empty; give the schema to use (default \"{DefaultPostgresSchema}\").");
            }
        }

        var viewsPath = configuration[SqliteViewsPathKey];
        if (backend == EventStoreBackend.Sqlite && viewsPath is not null && string.IsNullOrWhiteSpace(viewsPath))
        {
            throw new EventStoreConfigurationException($"{SqliteViewsPathKey} is empty; leave it out for views beside the events ({SqliteViewStore.FileBeside(DefaultSqlitePath)} by default), or give a file.");
        }

        var fullSqlitePath = backend == EventStoreBackend.Sqlite ? Path.GetFullPath(sqlitePath) : sqlitePath;
        var fullViewsPath = backend == EventStoreBackend.Sqlite ? Path.GetFullPath(viewsPath ?? SqliteViewStore.FileBeside(fullSqlitePath)) : null;
        return new EventStoreOptions(backend, fullSqlitePath, connectionString, schema, ParseSize(configuration[SqliteMaxSizeBytesKey]), fullViewsPath);
    }

    /// <summary>Where the SQLite views are: <see cref="SqliteViewsPath"/>, or beside the events when it is not given.</summary>
    public string ViewsFile => SqliteViewsPath ?? SqliteViewStore.FileBeside(SqlitePath);

    /// <summary>Whether the views share the events' file (EventStore:SqliteViewsPath set to EventStore:SqlitePath), as before they had one of their own.</summary>
    public bool ViewsInEventsFile => string.Equals(Path.GetFullPath(ViewsFile), Path.GetFullPath(SqlitePath), StringComparison.Ordinal);

    /// <summary>What the store is, for the startup log: never the password.</summary>
    public string Description => Backend switch
    {
        EventStoreBackend.Sqlite => $"SQLite file {SqlitePath}",
        _ => DescribePostgres(new NpgsqlConnectionStringBuilder(PostgresConnectionString)),
    };

    /// <summary>Where the views are, for the startup log.</summary>
    public string ViewsDescription => Backend switch
    {
        EventStoreBackend.Sqlite when ViewsInEventsFile => "in the events' SQLite file",
        EventStoreBackend.Sqlite => $"SQLite file {ViewsFile}",
        _ => "in the events' PostgreSQL schema",
    };

    /// <summary>The description, rather than the generated member list that would print the connection string and its password.</summary>
    public override string ToString() => Description;

    private string DescribePostgres(NpgsqlConnectionStringBuilder connection) =>
        $"PostgreSQL database \"{connection.Database ?? connection.Username}\" on {connection.Host}:{connection.Port} as \"{connection.Username}\", schema \"{PostgresSchema}\"";

    private static EventStoreBackend ParseBackend(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => EventStoreBackend.Sqlite,
        "POSTGRES" => EventStoreBackend.Postgres,
        _ => throw new EventStoreConfigurationException($"{BackendKey} is \"{value}\"; it must be \"sqlite\" or \"postgres\"."),
    };

    private static long? ParseSize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? bytes
            : throw new EventStoreConfigurationException($"{SqliteMaxSizeBytesKey} is \"{value}\"; it must be a number of bytes greater than 0.");
    }

    private static void CheckConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the offending keyword, not its value, so it cannot leak a password.
            throw new EventStoreConfigurationException($"{PostgresConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }
}
