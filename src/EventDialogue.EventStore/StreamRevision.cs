namespace EventDialogue.EventStore;

/// <summary>Where a stream read starts (inclusive): a revision, or the end for reading backwards from the last event.</summary>
public readonly record struct StreamRevision
{
    private StreamRevision(long value) => Value = value;

    public long Value { get; }

    public static StreamRevision Start { get; } = new(0);

    public static StreamRevision End { get; } = new(long.MaxValue);

    public static StreamRevision At(long revision)
    {
        if (revision < 0)
        {
            throw new InvalidStoreRequestException("revision", $"a stream revision is 0 or more; {revision} is negative");
        }

        return new StreamRevision(revision);
    }

    public override string ToString() => Value == long.MaxValue ? "end" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
