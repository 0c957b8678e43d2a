using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>Runs the built command-line client (`eventdialogue`) as a user would, from the repository root.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs the client with every test server's admin key in EVENTDIALOGUE_API_KEY.</summary>
    public static Task<ProcessRun> RunAsync(params string[] arguments) => RunWithKeyAsync(ServerProcess.AdminKey, arguments);

    /// <summary>Runs the client with this key in EVENTDIALOGUE_API_KEY, or with none at all.</summary>
    public static Task<ProcessRun> RunWithKeyAsync(string? apiKey, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(BuiltAssemblies.DotnetHost()) { WorkingDirectory = RepositoryPaths.Root };
        startInfo.ArgumentList.Add(BuiltAssemblies.Cli());
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A developer's own EVENTDIALOGUE_SERVER must not point the client elsewhere.
        startInfo.Environment.Remove("EVENTDIALOGUE_SERVER");
        startInfo.Environment["EVENTDIALOGUE_API_KEY"] = apiKey;

        // Nor may a developer's own key file (~/.config/eventdialogue/api-key) stand in for the key of the test.
        startInfo.Environment["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "eventdialogue-cli-tests-no-config");
        return ChildProcess.RunAsync(startInfo, RunTimeout);
    }
}
