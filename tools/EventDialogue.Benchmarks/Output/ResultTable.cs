using System.Globalization;
using EventDialogue.Benchmarks.Measuring;
using Spectre.Console;

namespace EventDialogue.Benchmarks.Output;

/// <summary>Prints every scenario's rates over all its rounds beside the raw baseline's, and the ratio of the two.</summary>
internal static class ResultTable
{
    public const string RatioLegend = "ratio = baseline rate / our rate, lower is better, 1.0 = as fast as raw";

    public static void Write(IAnsiConsole console, IReadOnlyList<ScenarioResult> results, bool markdown)
    {
        var table = new Table { Border = markdown ? TableBorder.Markdown : TableBorder.Rounded };
        table.AddColumn("Backend");
        table.AddColumn("Scenario");
        table.AddColumn(new TableColumn("Writers").RightAligned());
        table.AddColumn(new TableColumn("Events/round").RightAligned());
        table.AddColumn(new TableColumn("Ours (events/s)").RightAligned());
        table.AddColumn(new TableColumn("Raw baseline (events/s)").RightAligned());
        table.AddColumn(new TableColumn("Ratio").RightAligned());
        // Parts have their own round counts (--rounds, --rebuild-rounds, --replay-rounds): each row says its own.
        table.AddColumn(new TableColumn("Ratio min–max (rounds)").RightAligned());
        table.AddColumn(new TableColumn("Goal").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(
                r.Backend,
                Markup.Escape(r.Scenario),
                r.Writers is { } writers ? Number(writers) : "—",
                Number(r.EventsPerRound),
                Number(r.OurRate),
                Number(r.BaselineRate),
                r.MeetsGoal ? Ratio(r.Ratio) : $"[bold]{Ratio(r.Ratio)}[/]",
                $"{Ratio(r.MinRatio)}–{Ratio(r.MaxRatio)} ({r.Samples.Count})",
                Goal(r));
        }

        table.Caption = new TableTitle(RatioLegend);
        console.Write(table);
    }

    private static string Goal(ScenarioResult result) => result.Goal switch
    {
        null => "—",
        { } goal when result.MeetsGoal => $"≤ {Ratio(goal)} ok",
        { } goal => $"≤ {Ratio(goal)} [bold]missed[/]",
    };

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
