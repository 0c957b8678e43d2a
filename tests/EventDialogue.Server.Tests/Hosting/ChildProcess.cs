using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>What a finished child process printed, and how it ended.</summary>
internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs a program to its end with its output captured; one that outlives the timeout is killed, tree and all.</summary>
internal static class ChildProcess
{
    public static async Task<ProcessRun> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)} did not finish within {timeout}");
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }
}
