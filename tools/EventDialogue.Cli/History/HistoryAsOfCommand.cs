using System.CommandLine;
using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.Cli.Rounds;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>`history as-of --position N | --recorded-at TIME ENTRY`: an entry as the record stood at a past point.</summary>
internal static class HistoryAsOfCommand
{
    private static readonly Argument<string> Entry = new("entry") { Description = "The entry's stream: a round, case, commitment or statement, e.g. case-liu-xiaobo." };
    private static readonly Option<long> AtPosition = new("--position") { Description = "As the record stood once the log reached this position (inclusive)." };
    private static readonly Option<DateTimeOffset?> AtRecordedAt = new("--recorded-at") { Description = "As the record stood at this recording time (inclusive), e.g. 2026-06-01T12:00:00Z." };

    public static Command Create()
    {
        var asOf = new Command("as-of", "Show an entry as the record stood at a past position or recording time (give exactly one).") { Entry, AtPosition, AtRecordedAt };
        asOf.SetSessionAction(ShowAsync);
        return asOf;
    }

    private static async Task ShowAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        // Both or neither given is left to the server, which names the field.
        var request = new GetEntryAsOfRequest { Stream = parsed.GetRequiredValue(Entry), AtPosition = parsed.GetValue(AtPosition) };
        if (parsed.GetValue(AtRecordedAt) is { } at)
        {
            request.AtRecordedAt = Timestamp.FromDateTimeOffset(at);
        }

        var response = await session.History.GetEntryAsOfAsync(request, Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        var when = response.RecordedAt.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        session.Out.MarkupLineInterpolated($"[bold]{request.Stream}[/] as the record stood at position {response.Position} (last change recorded {when})");
        if (response.Retracted)
        {
            session.Out.MarkupLineInterpolated($"[yellow]Retracted by then[/] (the live views no longer show it): {response.RetractionReason}");
        }

        if (response.EntryCase == GetEntryAsOfResponse.EntryOneofCase.Round)
        {
            foreach (var part in RoundTables.Show(response.Round))
            {
                session.Out.Write(part);
            }

            return;
        }

        IMessage entry = response.EntryCase switch
        {
            GetEntryAsOfResponse.EntryOneofCase.CaseFile => response.CaseFile,
            GetEntryAsOfResponse.EntryOneofCase.Commitment => response.Commitment,
            _ => response.Statement,
        };
        session.Out.Write(Fields(entry));
    }

    /// <summary>The entry's fields as the API's JSON names them, one row each (nested ones by their dotted path).</summary>
    private static Table Fields(IMessage entry)
    {
        var table = Cells.Table(entry.Descriptor.Name, "Field", "Value");
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(entry));
        void Walk(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}");
                }

                return;
            }

            table.AddRow(Markup.Escape(path), Markup.Escape(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText()));
        }

        Walk(json.RootElement, string.Empty);
        return table;
    }
}
