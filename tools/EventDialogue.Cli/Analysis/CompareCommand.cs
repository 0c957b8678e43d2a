using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;

namespace EventDialogue.Cli.Analysis;

/// <summary>`analysis compare A B`: two rounds side by side.</summary>
internal static class CompareCommand
{
    private static readonly Argument<string> RoundA = new("round-a") { Description = "One round's id, e.g. 2010-washington." };
    private static readonly Argument<string> RoundB = new("round-b") { Description = "The other round's id, e.g. 2011-beijing." };

    public static Command Create()
    {
        var command = new Command("compare", "Compare two rounds: topics, cases and commitments in one and not the other, and each side's characterisation of the outcome.")
        {
            RoundA, RoundB, AnalysisOptions.Csv,
        };
        command.SetSessionAction(async (session, parsed, cancellationToken) =>
        {
            var comparison = await new AnalysisService.AnalysisServiceClient(session.Channel).CompareRoundsAsync(
                new CompareRoundsRequest { RoundA = parsed.GetValue(RoundA) ?? string.Empty, RoundB = parsed.GetValue(RoundB) ?? string.Empty },
                Session.Call(cancellationToken));
            if (session.Json)
            {
                Session.WriteJson(comparison);
                return;
            }

            ToTable(comparison).Write(session, parsed.GetValue(AnalysisOptions.Csv));
        });
        return command;
    }

    /// <summary>Topics, cases and commitments (only in A, only in B, in both), then one row per side's characterisations.</summary>
    internal static TextTable ToTable(CompareRoundsResponse comparison)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            Compared("topics", comparison.Topics),
            Compared("cases", comparison.Cases),
            Compared("commitments", comparison.Commitments),
        };
        rows.AddRange(comparison.Characterisations.Select(c => (IReadOnlyList<string>)[$"said by {c.Side}", Lines(c.RoundA), Lines(c.RoundB), string.Empty]));
        return new TextTable($"{comparison.RoundA} and {comparison.RoundB} compared", ["", comparison.RoundA, comparison.RoundB, "both"], rows);
    }

    private static List<string> Compared(string what, ComparedIds? ids) =>
        [what, Lines(ids?.OnlyA ?? []), Lines(ids?.OnlyB ?? []), Lines(ids?.Both ?? [])];

    private static string Lines(IEnumerable<string> values) => string.Join('\n', values);
}
