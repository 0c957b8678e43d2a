namespace EventDialogue.EventStore.Postgres.GroupCommit;

/// <summary>What a group's transaction does with one of its appends, decided under the append lock.</summary>
internal abstract record AppendDecision
{
    private AppendDecision()
    {
    }

    /// <summary>Insert the events from this revision of the stream on.</summary>
    public sealed record Write(long FirstRevision) : AppendDecision;

    /// <summary>A retry of an append already committed: its result, with nothing written.</summary>
    public sealed record Repeat(AppendResult Result) : AppendDecision;

    /// <summary>Refused (a wrong expected revision, an id taken by a different write), with nothing written.</summary>
    public sealed record Refuse(Exception Reason) : AppendDecision;

    /// <summary>
    /// Shares an event id with an earlier append of the same group (two callers sending the same retry at once): left
    /// to the next transaction, where the earlier one is committed and this one is judged against it.
    /// </summary>
    public sealed record Defer : AppendDecision;
}
