using System.Diagnostics;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Transport;

/// <summary>curl, as an operator checks a JSON endpoint: the last line of stdout is the HTTP status (000 when no answer came).</summary>
internal static class Curl
{
    public static async Task<ProcessRun> GetAsync(Uri url, params string[] options)
    {
        var startInfo = new ProcessStartInfo("curl");
        foreach (var argument in (string[])["--silent", "--show-error", "--include", "--max-time", ((int)Timeouts.Call.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "--write-out", "\n%{http_code}", .. options, url.ToString()])
        {
            startInfo.ArgumentList.Add(argument);
        }

        return await ChildProcess.RunAsync(startInfo, Timeouts.ServerExit);
    }

    public static string StatusCode(ProcessRun run) => run.Stdout.TrimEnd().Split('\n')[^1].Trim();
}
