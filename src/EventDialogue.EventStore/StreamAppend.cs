namespace EventDialogue.EventStore;

/// <summary>One stream's part of an append to several streams at once (see <see cref="IEventStore.AppendToStreamsAsync"/>).</summary>
public sealed record StreamAppend(StreamName Stream, ExpectedRevision Expected, IReadOnlyList<EventData> Events);
