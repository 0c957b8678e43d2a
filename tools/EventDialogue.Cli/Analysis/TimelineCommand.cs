using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;

namespace EventDialogue.Cli.Analysis;

/// <summary>`analysis timeline ID`: a case's or a commitment's facts in world-date order, dates in words.</summary>
internal static class TimelineCommand
{
    private static readonly Argument<string> Id = new("id") { Description = "A case or commitment id (e.g. liu-xiaobo), or its stream name (case-liu-xiaobo) when an id names both." };

    public static Command Create()
    {
        var command = new Command("timeline", "Show a case's or a commitment's facts in the order they happened, with how precise each date is.")
        {
            Id, AnalysisOptions.Csv,
        };
        command.SetSessionAction(async (session, parsed, cancellationToken) =>
        {
            var timeline = await new AnalysisService.AnalysisServiceClient(session.Channel).GetTimelineAsync(
                new GetTimelineRequest { Id = parsed.GetValue(Id) ?? string.Empty },
                Session.Call(cancellationToken));
            if (session.Json)
            {
                Session.WriteJson(timeline);
                return;
            }

            ToTable(timeline).Write(session, parsed.GetValue(AnalysisOptions.Csv));
        });
        return command;
    }

    internal static TextTable ToTable(GetTimelineResponse timeline) => new(
        $"Timeline of {timeline.Subject} {timeline.Id}",
        ["When", "Precision", "What", "Happened", "Source"],
        [.. timeline.Entries.Select(e => (IReadOnlyList<string>)[e.DateWords, e.Precision, e.Type, e.What, e.Source is { SourceId.Length: > 0 } s ? s.SourceId : string.Empty])]);
}
