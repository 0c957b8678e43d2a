namespace EventDialogue.Benchmarks.Measuring;

/// <summary>
/// The server's memory while a deliberately slow client replayed the whole log through ReadAll: resident memory before,
/// at each quarter of the replay, and the peak over the whole replay. Flat means the server holds a page, not the log.
/// </summary>
/// <param name="Quarters">Resident memory once the client had read 25, 50, 75 and 100 % of the events.</param>
internal sealed record ReplayMemory(string Backend, long Events, double ClientRate, TimeSpan Elapsed, ServerMemory Before, IReadOnlyList<ServerMemory> Quarters, double PeakDuringReplayMiB);
