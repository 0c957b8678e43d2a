using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EventDialogue.Cli.Cases;

/// <summary>`cases list` and `cases show`.</summary>
internal static class CasesCommands
{
    private static readonly Option<string?> Status = new("--status") { Description = "Only cases whose current status is this (detained, sentenced, missing, …)." };
    private static readonly Option<string?> Round = new("--round") { Description = "Only cases raised in this round." };
    private static readonly Option<string?> Query = new("--query") { Description = "Words to find in the names and descriptions." };
    private static readonly Argument<string> CaseId = new("case-id") { Description = "The case's id, e.g. liu-xiaobo." };

    public static Command Create()
    {
        var list = new Command("list", "List the case files.") { Status, Round, Query };
        list.SetSessionAction(ListAsync);
        var show = new Command("show", "Show a case file: names, status timeline, every time it was raised, the responses.") { CaseId };
        show.SetSessionAction(ShowAsync);
        return new Command("cases", "The case files: individuals and groups raised in the dialogues.") { list, show };
    }

    private static async Task ListAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var cases = await Pages.AllAsync<CaseFile>(async token =>
        {
            var page = await session.Views.ListCaseFilesAsync(
                new ListCaseFilesRequest
                {
                    PageSize = Pages.Size,
                    PageToken = token,
                    Status = parsed.GetValue(Status) ?? string.Empty,
                    RoundId = parsed.GetValue(Round) ?? string.Empty,
                    Query = parsed.GetValue(Query) ?? string.Empty,
                },
                Session.Call(cancellationToken));
            return (page.CaseFiles, page.NextPageToken);
        });

        if (session.Json)
        {
            Session.WriteJson(new ListCaseFilesResponse { CaseFiles = { cases } });
            return;
        }

        var table = Cells.Table("Case files", "Case", "Name", "Kind", "Current status", "As of", "Times raised");
        foreach (var file in cases)
        {
            table.AddRow(
                Markup.Escape(file.CaseId), Cells.List(file.Names.Select(n => n.Text)), Markup.Escape(file.Kind),
                Cells.Or(file.CurrentStatus?.Status), Cells.Or(file.CurrentStatus?.AsOf), file.Raised.Count.ToString());
        }

        session.Out.Write(table);
    }

    private static async Task ShowAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var response = await session.Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = parsed.GetRequiredValue(CaseId) }, Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        foreach (var part in Show(response.CaseFile))
        {
            session.Out.Write(part);
        }
    }

    private static IEnumerable<IRenderable> Show(CaseFile file)
    {
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[bold]Case[/]", Markup.Escape(file.CaseId));
        facts.AddRow("[bold]Names[/]", Cells.List(file.Names.Select(n => string.IsNullOrEmpty(n.Script) ? n.Text : $"{n.Text} ({n.Script})")));
        facts.AddRow("[bold]Kind[/]", Markup.Escape(file.Kind));
        facts.AddRow("[bold]Description[/]", Cells.Or(file.Description));
        facts.AddRow("[bold]Current status[/]", file.CurrentStatus is { } current ? $"{Markup.Escape(current.Status)} as of {Cells.Or(current.AsOf)}" : Cells.None);
        yield return new Panel(facts).Header($"Case file {Markup.Escape(file.CaseId)}");

        var timeline = Cells.Table("Status timeline", "As of", "Status", "Term", "Charge", "Detail", "Certainty", "Source");
        foreach (var report in file.StatusTimeline)
        {
            timeline.AddRow(Cells.Or(report.AsOf), Markup.Escape(report.Status), Cells.Or(report.Term), Cells.Or(report.Charge), Cells.Or(report.Detail), Cells.Or(report.Certainty), Cells.Cite(report.Source));
        }

        yield return timeline;

        var raised = Cells.Table("Raised", "Date", "By", "Channel", "Round", "Publicly", "Source");
        foreach (var raising in file.Raised)
        {
            raised.AddRow(Cells.Or(raising.Date), Markup.Escape(raising.RaisedBy), Markup.Escape(raising.Channel), Cells.Or(raising.RoundId), raising.Publicly ? "yes" : "no", Cells.Cite(raising.Source));
        }

        yield return raised;

        var responses = Cells.Table("Responses", "Date", "From", "Response", "Detail", "Source");
        foreach (var answer in file.Responses)
        {
            responses.AddRow(Cells.Or(answer.Date), Markup.Escape(answer.From), Markup.Escape(answer.Response), Cells.Or(answer.Detail), Cells.Cite(answer.Source));
        }

        yield return responses;
    }
}
