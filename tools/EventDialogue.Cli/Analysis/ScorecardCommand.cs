using System.CommandLine;
using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;

namespace EventDialogue.Cli.Analysis;

/// <summary>`analysis scorecard`: how commitments fared, per status in groups, with the commitments behind each number.</summary>
internal static class ScorecardCommand
{
    private static readonly Option<string?> By = new("--by") { Description = "Group by dialogue (default), round, party, topic or kind." };
    private static readonly Option<string?> Round = new("--round") { Description = "Only commitments made in this round." };
    private static readonly Option<string?> MadeBy = new("--made-by") { Description = "Only commitments made by this side (us, cn)." };
    private static readonly Option<string?> Dialogue = new("--dialogue") { Description = "Only commitments of this dialogue." };
    private static readonly Option<string?> Kind = new("--kind") { Description = "Only commitments of this kind (undertaking, intention, request, reported-expectation), counted." };
    private static readonly Option<bool> AllKinds = new("--all-kinds") { Description = "Count every kind; by default only undertakings are counted and the other kinds shown apart." };

    public static Command Create()
    {
        var command = new Command("scorecard", "Count commitments per status in groups, with rates, lateness and the commitments behind each number.")
        {
            By, AnalysisOptions.AsOf, Round, MadeBy, Dialogue, Kind, AllKinds, AnalysisOptions.Csv,
        };
        command.SetSessionAction(async (session, parsed, cancellationToken) =>
        {
            var scorecard = await new AnalysisService.AnalysisServiceClient(session.Channel).GetScorecardAsync(
                new GetScorecardRequest
                {
                    GroupBy = parsed.GetValue(By) ?? string.Empty,
                    AsOf = parsed.GetValue(AnalysisOptions.AsOf) ?? string.Empty,
                    RoundId = parsed.GetValue(Round) ?? string.Empty,
                    MadeBy = parsed.GetValue(MadeBy) ?? string.Empty,
                    DialogueId = parsed.GetValue(Dialogue) ?? string.Empty,
                    Kind = parsed.GetValue(Kind) ?? string.Empty,
                    IncludeAllKinds = parsed.GetValue(AllKinds),
                },
                Session.Call(cancellationToken));
            if (session.Json)
            {
                Session.WriteJson(scorecard);
                return;
            }

            ToTable(scorecard).Write(session, parsed.GetValue(AnalysisOptions.Csv));
        });
        return command;
    }

    /// <summary>
    /// One row per status a group has (none for a status no commitment has), then a row for the late ones: the
    /// commitments behind each number are on its row.
    /// </summary>
    internal static TextTable ToTable(GetScorecardResponse scorecard)
    {
        var rows = new List<IReadOnlyList<string>>();
        AddRows(rows, "yes", scorecard.Groups);
        AddRows(rows, "no (other kind)", scorecard.OtherKinds);
        var title = $"Commitments by {scorecard.GroupBy} as of {scorecard.AsOf}; counted: {string.Join(", ", scorecard.KindsCounted)}";
        return new TextTable(title, ["Counted", "Group", "Total", "Status", "Count", "Rate", "Days late", "Commitments"], rows);
    }

    private static void AddRows(List<IReadOnlyList<string>> rows, string counted, IEnumerable<ScorecardGroup> groups)
    {
        foreach (var group in groups)
        {
            var total = Number(group.Total);
            foreach (var status in group.Statuses.Where(s => s.Count > 0))
            {
                rows.Add([counted, group.Key, total, status.Status, Number(status.Count), Percent(status.Rate), string.Empty, string.Join(' ', status.CommitmentIds)]);
            }

            if (group.Lateness is { Count: > 0 } late)
            {
                rows.Add([counted, group.Key, total, "late", Number(late.Count), Percent((double)late.Count / group.Total), Lateness(late), string.Join(' ', late.CommitmentIds)]);
            }
        }
    }

    /// <summary>"median 30 (between 0 and 61); 12 to 400": the medians of the least and most bounds, then the spread.</summary>
    private static string Lateness(ScorecardLateness late)
    {
        var median = late.MedianLeast.Equals(late.MedianMost)
            ? $"median {Days(late.MedianLeast)}"
            : $"median between {Days(late.MedianLeast)} and {Days(late.MedianMost)}";
        return $"{median}; {late.Least.ToString(CultureInfo.InvariantCulture)} to {late.Most.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
