using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>
/// The command-line client started and left running (a `history follow`), its output captured as it comes, so that a
/// test can wait on a line, act, and then stop it as a user does: with Ctrl-C (SIGINT).
/// </summary>
internal sealed class RunningCli : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningCli(Process process)
    {
        _process = process;
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _exited.TrySetResult();
    }

    /// <summary>Stdout only: what a program reading the client's output would get.</summary>
    public CapturedOutput Stdout { get; } = new();

    public CapturedOutput Stderr { get; } = new();

    public static RunningCli Start(params string[] arguments)
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

        startInfo.Environment.Remove("EVENTDIALOGUE_SERVER");
        startInfo.Environment["EVENTDIALOGUE_API_KEY"] = ServerProcess.AdminKey;
        var cli = new RunningCli(new Process { StartInfo = startInfo });
        cli._process.OutputDataReceived += (_, line) => cli.Stdout.Append(line.Data);
        cli._process.ErrorDataReceived += (_, line) => cli.Stderr.Append(line.Data);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Sends Ctrl-C and returns the exit code once the client has ended.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        var signal = await ChildProcess.RunAsync(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } }, timeout);
        if (signal.ExitCode != 0)
        {
            throw new InvalidOperationException($"could not send SIGINT to the client: {signal}");
        }

        try
        {
            await _exited.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The client was still running {timeout} after Ctrl-C. Stdout:\n{Stdout}\nStderr:\n{Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill.
            }
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
