namespace EventDialogue.Server.History.Reads;

/// <summary>Which events of the log a reader asked for, as it asked: checked when the read begins.</summary>
public sealed record LogFilter(IReadOnlyList<string> Categories, IReadOnlyList<string> EventTypes, IReadOnlyList<string> Streams)
{
    /// <summary>No filter: the whole log, where an event the caller may not see stands as a placeholder.</summary>
    public bool IsEmpty => Categories.Count == 0 && EventTypes.Count == 0 && Streams.Count == 0;
}
