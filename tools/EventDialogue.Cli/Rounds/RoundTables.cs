using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EventDialogue.Cli.Rounds;

internal static class RoundTables
{
    public static Table List(IEnumerable<Round> rounds)
    {
        var table = Cells.Table("Rounds", "Round", "Dialogue", "Dates", "Place", "Status", "Ordinal", "Cases raised", "Commitments made", "Statements");
        foreach (var round in rounds)
        {
            table.AddRow(
                Markup.Escape(round.RoundId), Markup.Escape(round.DialogueId), Cells.Or(round.Dates), Cells.Or(round.Place), Markup.Escape(round.Status), Cells.Or(round.Ordinal),
                round.CasesRaised.Select(c => c.CaseId).Distinct().Count().ToString(), round.CommitmentsMade.Count.ToString(), round.StatementsCount.ToString());
        }

        return table;
    }

    public static IEnumerable<IRenderable> Show(Round round)
    {
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[bold]Round[/]", Markup.Escape(round.RoundId));
        facts.AddRow("[bold]Dialogue[/]", Markup.Escape(round.DialogueId));
        facts.AddRow("[bold]Status[/]", Markup.Escape(round.Status));
        facts.AddRow("[bold]Ordinal[/]", Cells.Or(round.Ordinal));
        facts.AddRow("[bold]Dates[/]", Cells.Or(round.Dates));
        facts.AddRow("[bold]Place[/]", Cells.Or(round.Place));
        facts.AddRow("[bold]Concluded[/]", Cells.Or(round.ConcludedOn));
        facts.AddRow("[bold]Statements[/]", round.StatementsCount.ToString());
        yield return new Panel(facts).Header($"Round {Markup.Escape(round.RoundId)}");

        var delegations = Cells.Table("Delegations", "Side", "Name", "Title", "Agency", "Leads");
        foreach (var delegation in round.Delegations)
        {
            foreach (var member in delegation.Members)
            {
                delegations.AddRow(Markup.Escape(delegation.Side), Markup.Escape(member.Name), Cells.Or(member.Title), Cells.Or(member.Agency), member.Leads ? "leads" : string.Empty);
            }
        }

        yield return delegations;

        var sessions = Cells.Table("Sessions", "Date", "Topics");
        foreach (var session in round.Sessions)
        {
            sessions.AddRow(Cells.Or(session.Date), Cells.List(session.Topics));
        }

        yield return sessions;

        if (round.SiteVisits.Count > 0)
        {
            var visits = Cells.Table("Site visits", "Date", "Place", "Host", "Topics");
            foreach (var visit in round.SiteVisits)
            {
                visits.AddRow(Cells.Or(visit.Date), Markup.Escape(visit.Place), Cells.Or(visit.Host), Cells.List(visit.Topics));
            }

            yield return visits;
        }

        var outcome = Cells.Table("How each side described it", "Side", "Characterisation");
        foreach (var characterisation in round.Characterisations)
        {
            outcome.AddRow(Markup.Escape(characterisation.Side), Markup.Escape(characterisation.Characterisation));
        }

        yield return outcome;

        var cases = Cells.Table("Cases raised", "Case", "Name", "Raised by", "Date", "Publicly");
        foreach (var raised in round.CasesRaised)
        {
            cases.AddRow(Markup.Escape(raised.CaseId), Markup.Escape(raised.Name), Markup.Escape(raised.RaisedBy), Cells.Or(raised.Date), raised.Publicly ? "yes" : "in confidence");
        }

        yield return cases;

        var commitments = Cells.Table("Commitments made", "Commitment", "Made by", "Made on", "Words");
        foreach (var made in round.CommitmentsMade)
        {
            commitments.AddRow(Markup.Escape(made.CommitmentId), Cells.List(made.MadeBy), Cells.Or(made.MadeOn), Markup.Escape(made.Words));
        }

        yield return commitments;
    }
}
