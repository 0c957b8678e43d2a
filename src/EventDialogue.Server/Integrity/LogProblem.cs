namespace EventDialogue.Server.Integrity;

/// <summary>The first thing a check of the log found wrong: the position of the first bad event when one can be named.</summary>
/// <param name="Position">The first bad event's position; null when what is wrong is a checkpoint or the tree as a whole.</param>
/// <param name="Description">What is wrong, naming the position, leaf or checkpoint, for a log line or a health report.</param>
public sealed record LogProblem(long? Position, string Description);

/// <summary>What a check of the log covered, and its first problem (null when the log is consistent).</summary>
/// <param name="Full">Every event was replayed (otherwise only the last ones).</param>
/// <param name="TreeSize">The size of the stored tree the check held the events to.</param>
/// <param name="EventsChecked">How many events were recomputed against their leaves.</param>
/// <param name="CheckpointsChecked">How many signed checkpoints were checked (signature, and root where covered).</param>
public sealed record LogCheckResult(bool Full, long TreeSize, long EventsChecked, long CheckpointsChecked, LogProblem? Problem);
