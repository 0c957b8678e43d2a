using System.Globalization;
using EventDialogue.Benchmarks.Measuring;
using Spectre.Console;

namespace EventDialogue.Benchmarks.Output;

/// <summary>Prints the recording part stretch by stretch, then each run's floor, then how long the views took to catch up after each run.</summary>
internal static class RecordingTable
{
    public const string Legend =
        "each row is one stretch of statements recorded about one round, one per call (RecordStatement) or a batch per call (RecordRequests; latencies per call); 'vs first' = this stretch's rate / the first stretch's (1.0 = no slower as the round grew); " +
        "p99 ratio = this stretch's p99 / the near-empty call's p99 on the same server; CPU = the server process's user + system time per statement; " +
        "vs store = this stretch's rate / the store's own appends of as many statements from as many writers, measured just before (the issue's baseline); " +
        "vs floor = this stretch's rate / a near-empty call and then that append, in turn, from as many clients: no recording call does less";

    public static void Write(IAnsiConsole console, IReadOnlyList<RecordingResult> results, IReadOnlyList<ViewCatchUp> catchUps, IReadOnlyList<RecordingFloor> floors, bool markdown)
    {
        var table = new Table { Border = markdown ? TableBorder.Markdown : TableBorder.Rounded };
        table.AddColumn("Backend");
        table.AddColumn(new TableColumn("Clients").RightAligned());
        table.AddColumn(new TableColumn("Per call").RightAligned());
        table.AddColumn(new TableColumn("Statements").RightAligned());
        table.AddColumn(new TableColumn("Statements/s").RightAligned());
        table.AddColumn(new TableColumn("vs first").RightAligned());
        table.AddColumn(new TableColumn("p50 (ms)").RightAligned());
        table.AddColumn(new TableColumn("p99 (ms)").RightAligned());
        table.AddColumn(new TableColumn("p99 ratio").RightAligned());
        table.AddColumn(new TableColumn("CPU (ms/statement)").RightAligned());
        table.AddColumn(new TableColumn("vs store").RightAligned());
        table.AddColumn(new TableColumn("vs floor").RightAligned());
        foreach (var run in results.GroupBy(r => (r.Backend, r.Clients, r.Batch)))
        {
            var first = run.First();
            var floor = floors.FirstOrDefault(f => (f.Backend, f.Clients, f.Batch) == run.Key);
            foreach (var r in run)
            {
                table.AddRow(
                    r.Backend,
                    r.Clients.ToString(CultureInfo.InvariantCulture),
                    r.Batch.ToString(CultureInfo.InvariantCulture),
                    $"{r.FirstStatement:N0}–{r.LastStatement:N0}",
                    r.Rate.ToString("N0", CultureInfo.InvariantCulture),
                    (r.Rate / first.Rate).ToString("0.00", CultureInfo.InvariantCulture),
                    Milliseconds(r.P50),
                    Milliseconds(r.P99),
                    r.P99Ratio.ToString("0.0", CultureInfo.InvariantCulture),
                    Milliseconds(r.CpuPerStatement),
                    Ratio(r.Rate, floor?.StoreRate),
                    Ratio(r.Rate, floor?.FloorRate));
            }
        }

        table.Caption = new TableTitle(Legend);
        console.Write(table);
        foreach (var f in floors)
        {
            console.WriteLine($"floor, {f.Backend}, {f.Clients} client(s), {f.Batch} per call: near-empty calls alone {f.EmptyCallsPerSecond:N0}/s; the store's appends alone {f.StoreRate:N0} statements/s;");
            console.WriteLine($"  a near-empty call then the append, in turn: {f.FloorRate:N0} statements/s ({f.FloorRate / f.StoreRate:0.00}x the store), p99 {Milliseconds(f.FloorP99)} ms (p99 ratio {f.FloorP99Ratio:0.0})");
        }

        foreach (var c in catchUps)
        {
            console.WriteLine($"{c.Backend}, {c.Clients} client(s), {c.Batch} per call: every view had applied the last of {c.Statements:N0} statements {c.After.TotalSeconds:0.00} s after it was acknowledged");
        }
    }

    private static string Ratio(double rate, double? baseline) =>
        baseline is { } b ? (rate / b).ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
