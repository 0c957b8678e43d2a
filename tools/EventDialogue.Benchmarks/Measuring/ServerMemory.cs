using System.Globalization;

namespace EventDialogue.Benchmarks.Measuring;

/// <summary>A process's memory as Linux reports it in /proc/PID/status: resident now (VmRSS) and its peak so far (VmHWM).</summary>
internal readonly record struct ServerMemory(long ResidentBytes, long PeakResidentBytes)
{
    public static ServerMemory Of(int processId)
    {
        long resident = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
        }

        return new ServerMemory(resident, peak);
    }

    public double ResidentMiB => ResidentBytes / 1024.0 / 1024.0;

    public double PeakResidentMiB => PeakResidentBytes / 1024.0 / 1024.0;

    // "VmRSS:\t  123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
