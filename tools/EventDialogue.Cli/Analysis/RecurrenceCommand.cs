using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.Domain.Dates;

namespace EventDialogue.Cli.Analysis;

/// <summary>`analysis recurrence`: the cases raised in two or more rounds whose status never changed for the better.</summary>
internal static class RecurrenceCommand
{
    public static Command Create()
    {
        var command = new Command("recurrence", "List the cases raised in two or more rounds with no change of status for the better, each raising with the status reported nearest to it.")
        {
            AnalysisOptions.AsOf, AnalysisOptions.Csv,
        };
        command.SetSessionAction(async (session, parsed, cancellationToken) =>
        {
            var recurrences = await new AnalysisService.AnalysisServiceClient(session.Channel).ListCaseRecurrencesAsync(
                new ListCaseRecurrencesRequest { AsOf = parsed.GetValue(AnalysisOptions.AsOf) ?? string.Empty },
                Session.Call(cancellationToken));
            if (session.Json)
            {
                Session.WriteJson(recurrences);
                return;
            }

            ToTable(recurrences).Write(session, parsed.GetValue(AnalysisOptions.Csv));
        });
        return command;
    }

    /// <summary>One row per raising, the case's rows together.</summary>
    internal static TextTable ToTable(ListCaseRecurrencesResponse recurrences) => new(
        $"Cases raised in two or more rounds with no change for the better, as of {recurrences.AsOf}",
        ["Case", "Raised", "Round", "Channel", "By", "Public", "Status nearest"],
        [.. recurrences.Cases.SelectMany(c => c.Raisings.Select(r => (IReadOnlyList<string>)
        [
            c.CaseId,
            DateWords.When(r.Date),
            r.RoundId,
            r.Channel,
            r.RaisedBy,
            r.Publicly ? "public" : "confidential",
            r.NearestStatus is { } s ? $"{s.Status} ({s.Certainty}), {DateWords.When(s.AsOf)}" : string.Empty,
        ]))]);
}
