using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>What a run of the command-line client printed, and how it ended.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the built command-line client (`eventdialogue`) as a user would, from the repository root.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    public static async Task<CliRun> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(BuiltAssemblies.DotnetHost())
        {
            WorkingDirectory = RepositoryPaths.Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(BuiltAssemblies.Cli());
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A developer's own EVENTDIALOGUE_SERVER must not point the client elsewhere.
        startInfo.Environment.Remove("EVENTDIALOGUE_SERVER");

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"eventdialogue {string.Join(' ', arguments)} did not finish within {RunTimeout}");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
