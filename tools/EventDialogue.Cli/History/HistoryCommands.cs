using System.CommandLine;

namespace EventDialogue.Cli.History;

/// <summary>`history …`: the log itself, for auditors. Each subcommand lives in a file of its own beside this one.</summary>
internal static class HistoryCommands
{
    public static Command Create() => new("history", "The log itself: read and follow it, one entry's story and past states, export and restore; verify it against its signed checkpoints and prove an event is in them.")
    {
        ReadCommand.Create(),
        FollowCommand.Create(),
        HistoryShowCommand.Create(),
        HistoryAsOfCommand.Create(),
        ExportCommand.Create(),
        RestoreCommand.Create(),
        VerifyCommand.Create(),
        ProveCommand.Create(),
        CheckCommand.Create(),
    };
}
