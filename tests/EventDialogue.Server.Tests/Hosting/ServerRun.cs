using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>The real server run to its end with exactly the given arguments, stdout and stderr kept apart: for runs that must stop by themselves.</summary>
internal static class ServerRun
{
    public static Task<ProcessRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(BuiltAssemblies.DotnetHost()) { WorkingDirectory = workingDirectory };
        startInfo.ArgumentList.Add(BuiltAssemblies.Server());
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A developer's own EVENTDIALOGUE_ settings must not steer the server under test.
        foreach (var key in startInfo.Environment.Keys.Where(key => key.StartsWith("EVENTDIALOGUE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        return ChildProcess.RunAsync(startInfo, Timeouts.ServerExit);
    }
}
