using System.Globalization;
using EventDialogue.Benchmarks.Measuring;
using Spectre.Console;

namespace EventDialogue.Benchmarks.Output;

/// <summary>Prints each call's p50 and p99 latency beside the near-empty call's on the same server.</summary>
internal static class LatencyTable
{
    public const string RatioLegend = "ratio = this call's latency / the empty call's (reflection ListServices) at the same percentile, same server, same run; 1.0 = as fast as the empty call";

    public static void Write(IAnsiConsole console, IReadOnlyList<LatencyResult> results, bool markdown)
    {
        var table = new Table { Border = markdown ? TableBorder.Markdown : TableBorder.Rounded };
        table.AddColumn("Backend");
        table.AddColumn("Call");
        table.AddColumn(new TableColumn("Calls").RightAligned());
        table.AddColumn(new TableColumn("Response (bytes)").RightAligned());
        table.AddColumn(new TableColumn("p50 (ms)").RightAligned());
        table.AddColumn(new TableColumn("p99 (ms)").RightAligned());
        table.AddColumn(new TableColumn("p50 ratio").RightAligned());
        table.AddColumn(new TableColumn("p99 ratio").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(
                r.Backend,
                Markup.Escape(r.Call),
                r.Calls.ToString("N0", CultureInfo.InvariantCulture),
                r.MeanResponseBytes.ToString("N0", CultureInfo.InvariantCulture),
                Milliseconds(r.P50),
                Milliseconds(r.P99),
                r.P50Ratio.ToString("0.0", CultureInfo.InvariantCulture),
                r.P99Ratio.ToString("0.0", CultureInfo.InvariantCulture));
        }

        table.Caption = new TableTitle(RatioLegend);
        console.Write(table);
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture);
}
