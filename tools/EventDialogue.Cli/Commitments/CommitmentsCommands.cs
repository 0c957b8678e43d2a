using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;

namespace EventDialogue.Cli.Commitments;

/// <summary>`commitments list`: the tracker, with each commitment's status derived as of a day.</summary>
internal static class CommitmentsCommands
{
    private static readonly Option<string?> Status = new("--status") { Description = "Only commitments in this status: pending, overdue, kept, kept-late, broken or withdrawn." };
    private static readonly Option<string?> Round = new("--round") { Description = "Only commitments made in this round (e.g. 2010-washington)." };
    private static readonly Option<string?> MadeBy = new("--made-by") { Description = "Only commitments made by this side (us, cn)." };
    private static readonly Option<string?> AsOf = new("--as-of") { Description = "The day to derive statuses for (YYYY-MM-DD); the server's today by default." };

    public static Command Create()
    {
        var list = new Command("list", "List the commitments with their derived status.") { Status, Round, MadeBy, AsOf };
        list.SetSessionAction(ListAsync);
        return new Command("commitments", "The commitment tracker.") { list };
    }

    private static async Task ListAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var commitments = await Pages.AllAsync<Commitment>(async token =>
        {
            var page = await session.Views.ListCommitmentsAsync(
                new ListCommitmentsRequest
                {
                    PageSize = Pages.Size,
                    PageToken = token,
                    Status = parsed.GetValue(Status) ?? string.Empty,
                    RoundId = parsed.GetValue(Round) ?? string.Empty,
                    MadeBy = parsed.GetValue(MadeBy) ?? string.Empty,
                    AsOf = parsed.GetValue(AsOf) ?? string.Empty,
                },
                Session.Call(cancellationToken)).ConfigureAwait(false);
            return (page.Commitments, page.NextPageToken);
        }).ConfigureAwait(false);

        if (session.Json)
        {
            Session.WriteJson(new ListCommitmentsResponse { Commitments = { commitments } });
            return;
        }

        var asOf = commitments.FirstOrDefault()?.StatusAsOf ?? parsed.GetValue(AsOf);
        var table = Cells.Table($"Commitments, status as of {asOf ?? "today"}", "Commitment", "Made by", "Made on", "Due (in force)", "Status", "Days late", "Words");
        foreach (var commitment in commitments)
        {
            table.AddRow(
                Markup.Escape(commitment.CommitmentId), Cells.List(commitment.MadeBy), Cells.Or(commitment.MadeOn), Cells.Or(commitment.DueInForce),
                StatusMarkup(commitment.Status), commitment.DaysLate == 0 ? string.Empty : commitment.DaysLate.ToString(), Markup.Escape(commitment.Words));
        }

        session.Out.Write(table);
    }

    private static string StatusMarkup(string status) => status switch
    {
        "kept" => "[green]kept[/]",
        "kept-late" => "[yellow]kept-late[/]",
        "overdue" or "broken" => $"[red]{status}[/]",
        _ => Markup.Escape(status),
    };
}
