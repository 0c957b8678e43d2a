using System.CommandLine;
using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Grpc.Core;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>
/// `history check [--full]`: asks the server to check its own log (the AuditService's CheckLog), for an administrator;
/// a problem found stops the server's signing until it restarts on a good log. An auditor, who trusts only the verifier
/// key, runs `history verify` instead.
/// </summary>
internal static class CheckCommand
{
    private static readonly Option<bool> Full = new("--full") { Description = "Replay every event, not only the last ones the start-up check covers (Integrity:StartupCheckEvents)." };

    public static Command Create()
    {
        var command = new Command("check", "Ask the server to check its log against its stored tree and signed checkpoints, as it does at start, and name the first bad position. Exit code 4 when the log is inconsistent (the server then stops signing).")
        {
            Full,
        };
        command.SetSessionAction(CheckAsync);
        return command;
    }

    private static async Task CheckAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        // A full check replays the whole log on the server: no deadline but the caller's patience (Ctrl+C).
        var full = parsed.GetValue(Full);
        var call = full ? new CallOptions(cancellationToken: cancellationToken) : Session.Call(cancellationToken);
        var result = await session.Audit.CheckLogAsync(new CheckLogRequest { Full = full }, call);
        if (session.Json)
        {
            Session.WriteJson(result);
        }
        else
        {
            Print(session, result);
        }

        if (!result.Consistent)
        {
            throw new VerificationFailedException(
                $"The server's log is inconsistent{(result.HasFirstBadPosition ? $" at position {result.FirstBadPosition.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}: {result.Problem}. The server signs no checkpoint until it restarts on a good log.");
        }
    }

    private static void Print(Session session, CheckLogResponse result)
    {
        var table = Cells.Table(result.Consistent ? "OK: the log matches its tree and signed checkpoints" : "INCONSISTENT: the log does not match its tree or signed checkpoints", "What", "Value");
        table.AddRow("Checked", result.Full ? "every event" : "the last events (Integrity:StartupCheckEvents)");
        table.AddRow("Tree size (events)", result.TreeSize.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Events recomputed", result.EventsChecked.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Checkpoints checked", result.CheckpointsChecked.ToString(CultureInfo.InvariantCulture));
        table.AddRow("First bad position", result.HasFirstBadPosition ? result.FirstBadPosition.ToString(CultureInfo.InvariantCulture) : Cells.None);
        table.AddRow("Problem", Cells.Or(result.Problem.Length == 0 ? null : result.Problem));
        session.Out.Write(table);
    }
}
