namespace EventDialogue.EventStore;

/// <summary>A place in the global log ($all). Positions start at 1 and grow; they may have gaps but never repeat.</summary>
public readonly record struct Position(long Value) : IComparable<Position>
{
    /// <summary>Before the first event: subscribing or reading after it starts from the beginning.</summary>
    public static Position Start { get; } = new(0);

    /// <summary>After every event there will ever be: reading backwards before it starts from the newest.</summary>
    public static Position End { get; } = new(long.MaxValue);

    public int CompareTo(Position other) => Value.CompareTo(other.Value);

    public static bool operator <(Position left, Position right) => left.Value < right.Value;

    public static bool operator >(Position left, Position right) => left.Value > right.Value;

    public static bool operator <=(Position left, Position right) => left.Value <= right.Value;

    public static bool operator >=(Position left, Position right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
