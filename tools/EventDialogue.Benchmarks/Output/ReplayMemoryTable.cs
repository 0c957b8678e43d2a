using System.Globalization;
using EventDialogue.Benchmarks.Measuring;
using Spectre.Console;

namespace EventDialogue.Benchmarks.Output;

/// <summary>Prints the server's resident memory through a slow client's replay of the whole log.</summary>
internal static class ReplayMemoryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ReplayMemory> results, bool markdown)
    {
        var table = new Table { Border = markdown ? TableBorder.Markdown : TableBorder.Rounded };
        table.AddColumn("Backend");
        table.AddColumn(new TableColumn("Events").RightAligned());
        table.AddColumn(new TableColumn("Client (events/s)").RightAligned());
        table.AddColumn(new TableColumn("Took (s)").RightAligned());
        table.AddColumn(new TableColumn("Before (MiB)").RightAligned());
        table.AddColumn(new TableColumn("At 25 / 50 / 75 / 100 % (MiB)").RightAligned());
        table.AddColumn(new TableColumn("Peak during replay (MiB)").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(
                r.Backend,
                Number(r.Events),
                Number(r.ClientRate),
                Number(r.Elapsed.TotalSeconds),
                Number(r.Before.ResidentMiB),
                string.Join(" / ", r.Quarters.Select(q => Number(q.ResidentMiB))),
                Number(r.PeakDuringReplayMiB));
        }

        table.Caption = new TableTitle("server resident memory (VmRSS) while a slow client replays the whole log through ReadAll");
        console.Write(table);
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
