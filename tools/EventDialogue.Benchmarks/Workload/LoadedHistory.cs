using EventDialogue.EventStore;

namespace EventDialogue.Benchmarks.Workload;

/// <summary>What was appended: how many events, and the position of the last, which every view must reach.</summary>
internal sealed record LoadedHistory(HistoryShape Shape, long Events, Position Head);
