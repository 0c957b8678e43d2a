using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>How an event of the log reads in a table or a line.</summary>
internal static class HistoryEventCells
{
    public static readonly string[] Columns = ["Position", "Stream", "Rev", "Type", "Recorded at (UTC)", "By", "Source", "Changes"];

    public static string[] Row(HistoryEvent e) =>
    [
        e.Position.ToString(CultureInfo.InvariantCulture),
        Markup.Escape(e.Stream),
        e.Revision.ToString(CultureInfo.InvariantCulture),
        Markup.Escape(e.Type),
        RecordedAt(e),
        Markup.Escape(e.RecordedBy),
        Cells.Cite(e.Source),
        Amends(e),
    ];

    /// <summary>One line, for a log that is followed live (a table cannot grow as events arrive).</summary>
    public static string Line(HistoryEvent e) =>
        $"[bold]{e.Position}[/] {Markup.Escape(e.Stream)}@{e.Revision} [blue]{Markup.Escape(e.Type)}[/] {RecordedAt(e)} by {Markup.Escape(e.RecordedBy)}"
        + (e.Amends is null ? string.Empty : $" — {Amends(e)}");

    private static string RecordedAt(HistoryEvent e) =>
        e.RecordedAt?.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) ?? Cells.None;

    private static string Amends(HistoryEvent e) => e.Amends switch
    {
        null => Cells.None,
        { Retracted: true } a => $"[red]retracts[/] revision {a.TargetRevision} ({Markup.Escape(a.TargetType)}): {Markup.Escape(a.Reason)}",
        { } a => $"[yellow]corrects[/] revision {a.TargetRevision} ({Markup.Escape(a.TargetType)}): {Markup.Escape(a.Reason)}",
    };
}
