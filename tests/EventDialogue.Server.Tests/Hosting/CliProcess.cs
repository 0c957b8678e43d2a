using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>Runs the built command-line client (`eventdialogue`) as a user would, from the repository root.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    public static Task<ProcessRun> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(BuiltAssemblies.DotnetHost()) { WorkingDirectory = RepositoryPaths.Root };
        startInfo.ArgumentList.Add(BuiltAssemblies.Cli());
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A developer's own EVENTDIALOGUE_SERVER must not point the client elsewhere.
        startInfo.Environment.Remove("EVENTDIALOGUE_SERVER");
        return ChildProcess.RunAsync(startInfo, RunTimeout);
    }
}
