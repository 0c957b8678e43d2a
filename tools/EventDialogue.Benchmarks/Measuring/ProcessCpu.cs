using System.Globalization;

namespace EventDialogue.Benchmarks.Measuring;

/// <summary>The CPU time a process has used so far (user + system), read from /proc so that it works on any process.</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux this runs on; /proc reports CPU time in those ticks.
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
