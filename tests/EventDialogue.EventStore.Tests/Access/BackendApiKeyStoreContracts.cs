using EventDialogue.EventStore.Access;
using EventDialogue.EventStore.Postgres.Access;
using EventDialogue.EventStore.Sqlite.Access;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Access;

public sealed class SqliteApiKeyStoreContract : ApiKeyStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-keys-{Guid.NewGuid():N}");

    protected override Task<IApiKeyStore> OpenAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult<IApiKeyStore>(SqliteApiKeyStore.Open(Path.Combine(_directory, "keys.sqlite")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresApiKeyStoreContract(PostgresCluster cluster) : ApiKeyStoreContract
{
    private readonly string _schema = PostgresCluster.NewSchemaName();

    protected override async Task<IApiKeyStore> OpenAsync() => await PostgresApiKeyStore.OpenAsync(cluster.ConnectionString, _schema);
}
