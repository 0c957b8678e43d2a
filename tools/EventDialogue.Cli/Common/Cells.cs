using EventDialogue.Api.V1;
using Spectre.Console;

namespace EventDialogue.Cli.Common;

/// <summary>Small pieces of Spectre markup shared by the tables.</summary>
internal static class Cells
{
    public const string None = "[grey]–[/]";

    /// <summary>Escaped text, or a grey dash when there is none.</summary>
    public static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? None : Markup.Escape(value);

    public static string List(IEnumerable<string> values) => Or(string.Join(", ", values));

    public static string Cite(Citation? source) => source is null || source.SourceId.Length == 0
        ? None
        : $"[grey]{Markup.Escape(source.SourceId)}[/]" + (source.Quote.Length > 0 ? $" [italic]“{Markup.Escape(source.Quote)}”[/]" : string.Empty);

    public static Table Table(string title, params string[] columns) =>
        new Table().Title($"[bold]{Markup.Escape(title)}[/]").AddColumns(columns).Expand();
}
