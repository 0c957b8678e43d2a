using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>`history show ENTRY`: one entry's whole story, every event with who recorded it, why, and what it changed.</summary>
internal static class HistoryShowCommand
{
    private static readonly Argument<string> Entry = new("entry") { Description = "The entry's stream, e.g. statement-posner-first-benchmark or case-liu-xiaobo." };

    public static Command Create()
    {
        var show = new Command("show", "Show one entry's story: every event about it, corrections and retractions included, with what each changed.") { Entry };
        show.SetSessionAction(ShowAsync);
        return show;
    }

    private static async Task ShowAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var response = await session.History.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = parsed.GetRequiredValue(Entry) }, Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        var title = response.Retracted ? $"History of {response.Stream} (retracted: the views no longer show it)" : $"History of {response.Stream}";
        var table = Cells.Table(title, "Rev", "Position", "Recorded", "By", "Event", "Why", "Field", "Before", "After");
        foreach (var step in response.Steps)
        {
            var e = step.Event;
            var first = new[]
            {
                e.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(e.RecordedAt.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
                Cells.Or(e.RecordedBy),
                Markup.Escape(e.Amends is { } a ? $"{e.Type} of rev {a.TargetRevision}" : e.Type),
                Cells.Or(e.Amends?.Reason),
            };
            if (step.Changes.Count == 0)
            {
                table.AddRow([.. first, Cells.None, Cells.None, Cells.None]);
            }

            for (var i = 0; i < step.Changes.Count; i++)
            {
                var change = step.Changes[i];
                var lead = i == 0 ? first : [.. first.Select(_ => string.Empty)];
                table.AddRow([.. lead, Markup.Escape(change.Field), Cells.Or(change.Before), Cells.Or(change.After)]);
            }
        }

        session.Out.Write(table);
    }
}
