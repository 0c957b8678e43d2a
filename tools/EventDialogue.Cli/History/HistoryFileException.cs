namespace EventDialogue.Cli.History;

/// <summary>An export file that cannot be used as it is: the message names the file, the line and what is wrong.</summary>
internal sealed class HistoryFileException(string message) : Exception(message);
