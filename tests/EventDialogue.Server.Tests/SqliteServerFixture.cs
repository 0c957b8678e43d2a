using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests;

/// <summary>
/// One server for the whole collection, started with no store settings at all from an empty working directory:
/// the defaults (sqlite, data/eventdialogue.sqlite relative to the working directory) are what is under test.
/// </summary>
public sealed class SqliteServerFixture : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;

    public string ExpectedSqlitePath => Path.Combine(_workingDirectory, "data", "eventdialogue.sqlite");

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not been started.");

    public async Task InitializeAsync()
    {
        _server = ServerProcess.Start(_workingDirectory);
        try
        {
            await _server.WaitUntilServingAsync(Timeouts.ServerStart);
        }
        catch
        {
            // xunit may not dispose a fixture whose start failed: never leave the process behind.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        TempDirectory.Delete(_workingDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteServerGroup : ICollectionFixture<SqliteServerFixture>
{
    public const string Name = "Server on the default SQLite store";
}
