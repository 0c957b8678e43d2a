using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.Domain.Dates;
using Spectre.Console;

namespace EventDialogue.Cli.Commitments;

/// <summary>`commitments list` and `commitments show`: the tracker, each commitment assessed as of a day, with its why.</summary>
internal static class CommitmentsCommands
{
    private static readonly Option<string?> Status = new("--status") { Description = "Only commitments in this status: pending, overdue, unknown, kept, kept-late, kept-possibly-late, broken or withdrawn." };
    private static readonly Option<string?> Kind = new("--kind") { Description = "Only commitments of this kind: undertaking, intention, request or reported-expectation (all kinds by default)." };
    private static readonly Option<string?> Round = new("--round") { Description = "Only commitments made in this round (e.g. 2010-washington)." };
    private static readonly Option<string?> MadeBy = new("--made-by") { Description = "Only commitments made by this side (us, cn)." };
    private static readonly Option<string?> AsOf = new("--as-of") { Description = "The day to assess statuses for (YYYY-MM-DD); the server's today by default." };
    private static readonly Argument<string> Id = new("commitment") { Description = "The commitment's id, e.g. legal-experts-dialogue." };

    public static Command Create()
    {
        var list = new Command("list", "List the commitments with their assessed status.") { Status, Kind, Round, MadeBy, AsOf };
        list.SetSessionAction(ListAsync);
        var show = new Command("show", "Show one commitment's status with its reason and the facts used and left out.") { Id, AsOf };
        show.SetSessionAction(ShowAsync);
        return new Command("commitments", "The commitment tracker.") { list, show };
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
                    Kind = parsed.GetValue(Kind) ?? string.Empty,
                    RoundId = parsed.GetValue(Round) ?? string.Empty,
                    MadeBy = parsed.GetValue(MadeBy) ?? string.Empty,
                    AsOf = parsed.GetValue(AsOf) ?? string.Empty,
                },
                Session.Call(cancellationToken));
            return (page.Commitments, page.NextPageToken);
        });

        if (session.Json)
        {
            Session.WriteJson(new ListCommitmentsResponse { Commitments = { commitments } });
            return;
        }

        var asOf = commitments.FirstOrDefault()?.StatusAsOf ?? parsed.GetValue(AsOf);
        var table = Cells.Table($"Commitments, status as of {asOf ?? "today"}", "Commitment", "Kind", "Made by", "Due (in force)", "Status", "Late", "Kept: when, how, evidence", "Rated");
        foreach (var commitment in commitments)
        {
            table.AddRow(
                Markup.Escape(commitment.CommitmentId), Markup.Escape(commitment.Kind), Cells.List(commitment.MadeBy), Markup.Escape(DateWords.Due(commitment.DueInForce)),
                StatusMarkup(commitment.Status), Late(commitment.Late), Kept(commitment), Rated(commitment));
        }

        session.Out.Write(table);
    }

    private static async Task ShowAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var commitment = (await session.Views.GetCommitmentAsync(
            new GetCommitmentRequest { CommitmentId = parsed.GetValue(Id) ?? string.Empty, AsOf = parsed.GetValue(AsOf) ?? string.Empty },
            Session.Call(cancellationToken))).Commitment;
        if (session.Json)
        {
            Session.WriteJson(new GetCommitmentResponse { Commitment = commitment });
            return;
        }

        var table = Cells.Table($"{commitment.CommitmentId}, as of {commitment.StatusAsOf}", "", "").HideHeaders();
        table.AddRow("Words", Markup.Escape(commitment.Words));
        table.AddRow("Kind", Markup.Escape(commitment.Kind));
        table.AddRow("Made", $"{Markup.Escape(DateWords.When(commitment.MadeOn))} by {Cells.List(commitment.MadeBy)}");
        table.AddRow("Due (in force)", Markup.Escape(DateWords.Due(commitment.DueInForce)));
        table.AddRow("Status", StatusMarkup(commitment.Status) + (commitment.Late is null ? string.Empty : $", {Late(commitment.Late)} late"));
        table.AddRow("Why", Markup.Escape(commitment.Reason));
        table.AddRow("Record reviewed", Coverage(commitment.Coverage));
        table.AddRow("Facts used", Facts(commitment.FactsUsed.Select(f => (f, (string?)null))));
        table.AddRow("Facts left out", Facts(commitment.FactsLeftOut.Select(l => (l.Fact, (string?)l.Why))));
        table.AddRow("Ratings", commitment.Ratings.Count == 0
            ? Cells.None
            : string.Join("\n", commitment.Ratings.Select(r => $"{Markup.Escape(r.Rating)} by {Markup.Escape(r.RatedBy)} on {Markup.Escape(r.RatedOn)}: {Markup.Escape(r.Rationale)} {Cells.Cite(r.Source)}")));
        session.Out.Write(table);
    }

    private static string Facts(IEnumerable<(CommitmentFact Fact, string? Why)> facts)
    {
        var lines = facts.Select(f => $"{Markup.Escape(f.Fact.Type)}, {Markup.Escape(DateWords.When(f.Fact.On))} [grey]({Markup.Escape(f.Fact.On)})[/] {Cells.Cite(f.Fact.Source)}"
            + (f.Why is null ? string.Empty : $"\n  [italic]{Markup.Escape(f.Why)}[/]")).ToList();
        return lines.Count == 0 ? Cells.None : string.Join("\n", lines);
    }

    private static string Coverage(CommitmentCoverage? coverage) => coverage is null || coverage.ReviewedUpTo.Length == 0
        ? "no review horizon recorded: silence after a window's end proves nothing"
        : $"up to {Markup.Escape(DateWords.When(coverage.ReviewedUpTo).Replace("sometime in ", "the end of ", StringComparison.Ordinal))} (the {Markup.Escape(coverage.AppliesFrom)}'s review) {Cells.Cite(coverage.Source)}";

    private static string Late(DayRange? late) => late is null
        ? string.Empty
        : late.Least == late.Most ? $"{late.Least} days" : $"{late.Least}–{late.Most} days";

    private static string Kept(Commitment commitment) => commitment.Fulfilled is { } kept && commitment.Status.StartsWith("kept", StringComparison.Ordinal)
        ? $"{Markup.Escape(DateWords.When(kept.On))}: {Markup.Escape(kept.Evidence)} {Cells.Cite(kept.Source)}"
        : string.Empty;

    private static string Rated(Commitment commitment) => commitment.Ratings.Count == 0 ? string.Empty : Markup.Escape(commitment.Ratings[^1].Rating);

    private static string StatusMarkup(string status) => status switch
    {
        "kept" => "[green]kept[/]",
        "kept-late" or "kept-possibly-late" => $"[yellow]{status}[/]",
        "overdue" or "broken" => $"[red]{status}[/]",
        "unknown" => "[grey]unknown[/]",
        _ => Markup.Escape(status),
    };
}
