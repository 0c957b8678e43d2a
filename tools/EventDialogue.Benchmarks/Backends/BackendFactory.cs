namespace EventDialogue.Benchmarks.Backends;

internal static class BackendFactory
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static async Task<IBenchmarkBackend> OpenAsync(string name, BenchmarkSettings settings, CancellationToken cancellationToken) => name switch
    {
        Sqlite => SqliteBackend.Create(settings.WorkDirectory),
        Postgres => await PostgresBackend.CreateAsync(
            settings.PostgresConnectionString ?? throw new InvalidOperationException("the postgres backend needs a connection string"),
            cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown backend"),
    };
}
