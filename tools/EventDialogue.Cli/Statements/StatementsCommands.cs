using System.CommandLine;
using System.Text;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;

namespace EventDialogue.Cli.Statements;

/// <summary>`statements search`: full-text search of what was said and its topics, ranked, the matching words highlighted.</summary>
internal static class StatementsCommands
{
    private static readonly Argument<string> Query = new("query")
    {
        Description = "What to search for in the words and topics: words (all must match), \"a phrase\", a OR b, -excluded; e.g. '\"rule of law\" -tibet'.",
    };
    private static readonly Option<string?> Speaker = new("--speaker") { Description = "Only statements by this speaker, as recorded (e.g. \"Michael H. Posner\")." };
    private static readonly Option<string?> Side = new("--side") { Description = "Only statements by this side (us, cn)." };
    private static readonly Option<string?> Round = new("--round") { Description = "Only statements about this round." };
    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many results.", DefaultValueFactory = _ => 20 };

    public static Command Create()
    {
        var search = new Command("search", "Search what was said; the best matches first.") { Query, Speaker, Side, Round, Limit };
        search.SetSessionAction(SearchAsync);
        return new Command("statements", "Statements made about the dialogues.") { search };
    }

    private static async Task SearchAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var request = new ListStatementsRequest
        {
            PageSize = Math.Clamp(parsed.GetValue(Limit), 1, Pages.Size),
            Query = parsed.GetRequiredValue(Query),
            Speaker = parsed.GetValue(Speaker) ?? string.Empty,
            Side = parsed.GetValue(Side) ?? string.Empty,
            RoundId = parsed.GetValue(Round) ?? string.Empty,
        };
        var response = await session.Views.ListStatementsAsync(request, Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        var table = Cells.Table($"Statements matching “{request.Query}”", "Said", "Speaker", "Side", "Round", "Words (matches highlighted)");
        foreach (var statement in response.Statements)
        {
            table.AddRow(
                Cells.Or(statement.Said), Markup.Escape(statement.Speaker), Markup.Escape(statement.Side), Cells.Or(statement.RoundId),
                Words(statement));
        }

        session.Out.Write(table);
        if (response.Statements.Count == 0)
        {
            session.Err.MarkupLineInterpolated($"No statement matches “{request.Query}”.");
        }
    }

    /// <summary>The words with their matches, and the topics that matched when there are any (a topic alone makes a hit).</summary>
    private static string Words(Statement statement)
    {
        var words = Highlighted(statement.Match?.HighlightedText is { Length: > 0 } highlighted ? highlighted : statement.Text);
        return statement.Match is { HighlightedTopics.Count: > 0 } match
            ? $"{words}\n[dim]topics:[/] {string.Join(", ", match.HighlightedTopics.Select(Highlighted))}"
            : words;
    }

    /// <summary>The server marks each match as [word]; show it bold instead.</summary>
    private static string Highlighted(string text)
    {
        var markup = new StringBuilder();
        var start = 0;
        while (text.IndexOf('[', start) is var open and >= 0 && text.IndexOf(']', open) is var close and >= 0)
        {
            markup.Append(Markup.Escape(text[start..open])).Append("[bold yellow]").Append(Markup.Escape(text[(open + 1)..close])).Append("[/]");
            start = close + 1;
        }

        return markup.Append(Markup.Escape(text[start..])).ToString();
    }
}
