using System.Diagnostics;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL server for the tests. The test script starts one and passes its connection string in
/// EVENTDIALOGUE_TEST_POSTGRES; a plain <c>dotnet test</c> starts a throwaway cluster here with the same script
/// and stops it when the tests are done.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string Variable = "EVENTDIALOGUE_TEST_POSTGRES";

    private string? _ownDirectory;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        _ownDirectory = Path.Combine(Path.GetTempPath(), $"eventdialogue-pg-{Guid.NewGuid():N}");
        var (exitCode, output, error) = await RunScriptAsync("start", _ownDirectory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"could not start a throwaway PostgreSQL cluster (set {Variable} to use an existing server): {error}");
        }

        ConnectionString = output.Trim();
    }

    public async Task DisposeAsync()
    {
        if (_ownDirectory is not null)
        {
            await RunScriptAsync("stop", _ownDirectory);
            Directory.Delete(_ownDirectory, recursive: true);
        }
    }

    /// <summary>A schema of its own for one test, so that tests never see each other's events.</summary>
    public static string NewSchemaName() => $"t_{Guid.NewGuid():N}";

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(string verb, string directory)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "postgres-cluster.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, verb, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
