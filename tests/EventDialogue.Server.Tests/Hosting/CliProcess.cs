using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>Runs the built command-line client (`eventdialogue`) as a user would, from the repository root.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs the client with every test server's admin key in EVENTDIALOGUE_API_KEY.</summary>
    public static Task<ProcessRun> RunAsync(params string[] arguments) => RunWithKeyAsync(ServerProcess.AdminKey, arguments);

    /// <summary>
    /// Runs the client with this key in EVENTDIALOGUE_API_KEY, or with none at all, and a configuration folder of its
    /// own, empty, so that no run reads or writes the developer's (pins, key file).
    /// </summary>
    public static async Task<ProcessRun> RunWithKeyAsync(string? apiKey, params string[] arguments)
    {
        var config = TempDirectory.Create();
        try
        {
            return await RunInAsync(config, apiKey, arguments);
        }
        finally
        {
            TempDirectory.Delete(config);
        }
    }

    /// <summary>Runs it with this folder as its configuration folder (XDG_CONFIG_HOME), where `history verify` keeps its pins.</summary>
    public static Task<ProcessRun> RunWithConfigAsync(string configHome, params string[] arguments) =>
        RunInAsync(configHome, ServerProcess.AdminKey, arguments);

    private static Task<ProcessRun> RunInAsync(string configHome, string? apiKey, string[] arguments)
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

        // Nor may a developer's own configuration (pins, the key file ~/.config/eventdialogue/api-key) stand in for the test's.
        startInfo.Environment["XDG_CONFIG_HOME"] = configHome;
        return ChildProcess.RunAsync(startInfo, RunTimeout);
    }
}
