using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;

namespace EventDialogue.Cli.Rounds;

/// <summary>`rounds list` and `rounds show`.</summary>
internal static class RoundsCommands
{
    private static readonly Option<string?> Dialogue = new("--dialogue") { Description = "Only the rounds of this dialogue (e.g. us-china-human-rights)." };
    private static readonly Option<string?> Status = new("--status") { Description = "Only rounds in this status: scheduled, held or concluded." };
    private static readonly Argument<string> RoundId = new("round-id") { Description = "The round's id, e.g. 2010-washington." };

    public static Command Create()
    {
        var list = new Command("list", "List the rounds, by their dates.") { Dialogue, Status };
        list.SetSessionAction(ListAsync);
        var show = new Command("show", "Show a round: delegations, sessions, site visits, cases raised, commitments made.") { RoundId };
        show.SetSessionAction(ShowAsync);
        return new Command("rounds", "The rounds of the dialogues.") { list, show };
    }

    private static async Task ListAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var rounds = await Pages.AllAsync<Round>(async token =>
        {
            var page = await session.Views.ListRoundsAsync(
                new ListRoundsRequest { PageSize = Pages.Size, PageToken = token, DialogueId = parsed.GetValue(Dialogue) ?? string.Empty, Status = parsed.GetValue(Status) ?? string.Empty },
                Session.Call(cancellationToken));
            return (page.Rounds, page.NextPageToken);
        });

        if (session.Json)
        {
            Session.WriteJson(new ListRoundsResponse { Rounds = { rounds } });
            return;
        }

        session.Out.Write(RoundTables.List(rounds));
    }

    private static async Task ShowAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var response = await session.Views.GetRoundAsync(new GetRoundRequest { RoundId = parsed.GetRequiredValue(RoundId) }, Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        foreach (var part in RoundTables.Show(response.Round))
        {
            session.Out.Write(part);
        }
    }
}
