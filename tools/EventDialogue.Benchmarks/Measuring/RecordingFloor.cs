namespace EventDialogue.Benchmarks.Measuring;

/// <summary>
/// What recording through the server is compared with, measured on the same machine just before the recording run, by
/// the same number of clients, <paramref name="Batch"/> statements a call: the near-empty call alone, the store's own
/// appends alone (in the benchmark's process, the baseline), and the two in turn for every call: the least work
/// a recording call does, since it must at least cross the transport and append durably. Not a strict bound on the rate:
/// its appends go to a file of the benchmark's own, whose flushes may be slower or faster than the server's.
/// </summary>
/// <param name="EmptyCallsPerSecond">Near-empty calls a second from the clients at once.</param>
/// <param name="StoreRate">Statements a second appended by the store alone, <paramref name="Batch"/> an append.</param>
/// <param name="FloorRate">Statements a second when each client makes a near-empty call and then the append.</param>
/// <param name="FloorP99">The p99 of one near-empty call and its append, from all the clients at once.</param>
/// <param name="EmptyP99">The near-empty call's p99 from one client, as the recording's p99 ratio divides by.</param>
internal sealed record RecordingFloor(string Backend, int Clients, int Batch, double EmptyCallsPerSecond, double StoreRate, double FloorRate, TimeSpan FloorP99, TimeSpan EmptyP99)
{
    public double FloorP99Ratio => FloorP99 / EmptyP99;
}
