using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>Where a read of a stream starts: its first event, its last, or a revision.</summary>
public sealed record StreamStart(bool AtStart, bool AtEnd, long Revision)
{
    public static StreamStart First { get; } = new(true, false, 0);

    public static StreamStart Last { get; } = new(false, true, long.MaxValue);

    public static StreamStart At(long revision) => new(false, false, revision);
}

/// <summary>Where a read of $all starts: its start, its end, or a position (EventStoreDB's commit position, = ours).</summary>
public sealed record AllStart(bool AtEnd, long Position)
{
    public static AllStart First { get; } = new(false, 0);

    public static AllStart Last { get; } = new(true, long.MaxValue);
}

/// <summary>Reads up to <paramref name="Count"/> events of a stream; a stream that does not exist is said so.</summary>
/// <param name="Stream">Null for a name our store cannot hold, which therefore has no events.</param>
public sealed record ReadEventStoreDbStreamQuery(StreamName? Stream, string Name, Direction Direction, StreamStart From, long Count) : IStreamQuery<ReadItem>;

/// <summary>Reads up to <paramref name="Count"/> events of $all that pass the filter.</summary>
public sealed record ReadEventStoreDbAllQuery(Direction Direction, AllStart From, long Count, EventFilter? Filter) : IStreamQuery<ReadItem>;

/// <summary>Follows a stream: its events after the start (exclusive, as EventStoreDB's subscriptions), then new ones.</summary>
public sealed record SubscribeToEventStoreDbStreamQuery(StreamName? Stream, StreamStart From) : IStreamQuery<ReadItem>;

/// <summary>Follows $all after the start (exclusive), with a checkpoint every <paramref name="CheckpointEvery"/> events looked at when filtered.</summary>
public sealed record SubscribeToEventStoreDbAllQuery(AllStart From, EventFilter? Filter, long CheckpointEvery) : IStreamQuery<ReadItem>;
