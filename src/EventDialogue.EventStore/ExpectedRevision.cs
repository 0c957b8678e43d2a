namespace EventDialogue.EventStore;

/// <summary>What the writer believes about the stream, checked atomically with the append (EventStoreDB's StreamState).</summary>
public readonly record struct ExpectedRevision
{
    private const long AnyValue = -2;
    private const long NoStreamValue = -1;
    private const long StreamExistsValue = -4;

    private ExpectedRevision(long value) => Value = value;

    /// <summary>The exact revision, or one of the negative markers for any, no-stream and stream-exists.</summary>
    public long Value { get; }

    public static ExpectedRevision Any { get; } = new(AnyValue);

    public static ExpectedRevision NoStream { get; } = new(NoStreamValue);

    public static ExpectedRevision StreamExists { get; } = new(StreamExistsValue);

    public bool IsExact => Value >= 0;

    public static ExpectedRevision Exact(long revision)
    {
        if (revision < 0)
        {
            throw new InvalidStoreRequestException("expected_revision", $"an expected revision is 0 or more; {revision} is negative");
        }

        return new ExpectedRevision(revision);
    }

    /// <summary>Whether a stream whose last revision is <paramref name="current"/> (null: no stream) satisfies this expectation.</summary>
    public bool IsSatisfiedBy(long? current) => Value switch
    {
        AnyValue => true,
        NoStreamValue => current is null,
        StreamExistsValue => current is not null,
        _ => current == Value,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no-stream",
        StreamExistsValue => "stream-exists",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
