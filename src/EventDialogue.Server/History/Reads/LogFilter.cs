namespace EventDialogue.Server.History.Reads;

/// <summary>Which events of the log a reader asked for, as it asked: checked when the read begins.</summary>
public sealed record LogFilter(IReadOnlyList<string> Categories, IReadOnlyList<string> EventTypes, IReadOnlyList<string> Streams);
