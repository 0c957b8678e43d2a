namespace EventDialogue.Benchmarks.Backends;

/// <summary>
/// What a read of $all saw: comparing these between our reader and the baseline scan shows that both read the same
/// rows, and summing the data keeps either side from skipping the work of materialising it.
/// </summary>
internal readonly record struct ScanTotals(long Events, long DataChars)
{
    public ScanTotals Add(string data) => new(Events + 1, DataChars + data.Length);
}
