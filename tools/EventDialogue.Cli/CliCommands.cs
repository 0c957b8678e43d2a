using System.CommandLine;
using EventDialogue.Cli.Analysis;
using EventDialogue.Cli.Cases;
using EventDialogue.Cli.Commitments;
using EventDialogue.Cli.Common;
using EventDialogue.Cli.History;
using EventDialogue.Cli.Import;
using EventDialogue.Cli.Keys;
using EventDialogue.Cli.Rounds;
using EventDialogue.Cli.Statements;
using EventDialogue.Cli.Views;

namespace EventDialogue.Cli;

/// <summary>The command tree: one command group per thing the record is about.</summary>
internal static class CliCommands
{
    public static RootCommand Create() => new("Reads and feeds the EventDialogue record over gRPC: import the reference dataset, look at rounds, case files, commitments and statements, analyse them, read, follow, export and restore the history, manage API keys, and build a view again.")
    {
        GlobalOptions.Server,
        GlobalOptions.ApiKey,
        GlobalOptions.Json,
        KeysCommands.Create(),
        ImportCommand.Create(),
        RoundsCommands.Create(),
        CasesCommands.Create(),
        CommitmentsCommands.Create(),
        StatementsCommands.Create(),
        AnalysisCommands.Create(),
        HistoryCommands.Create(),
        ViewsCommands.Create(),
    };
}
