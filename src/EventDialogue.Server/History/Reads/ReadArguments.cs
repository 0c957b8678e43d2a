using EventDialogue.Domain.Common;
using EventDialogue.EventStore;

namespace EventDialogue.Server.History.Reads;

/// <summary>
/// Checks the arguments of a read of the log, collecting every bad field before refusing, so that a client can fix them
/// all at once.
/// </summary>
internal sealed class ReadArguments
{
    private readonly List<FieldViolation> _violations = [];

    /// <summary>A count where 0 means "no limit": at most int.MaxValue events are read, which is no limit in practice.</summary>
    public int MaxCount(long value, string field = "max_count")
    {
        if (value < 0)
        {
            _violations.Add(new FieldViolation(field, $"a count is 0 (no limit) or more; {value} is negative"));
            return int.MaxValue;
        }

        return value is 0 or > int.MaxValue ? int.MaxValue : (int)value;
    }

    public Position After(long value, string field = "after_position")
    {
        if (value < 0)
        {
            _violations.Add(new FieldViolation(field, $"a position is 0 (before the first event) or more; {value} is negative"));
            return Position.Start;
        }

        return new Position(value);
    }

    public AllFilter Filter(LogFilter? filter)
    {
        try
        {
            return filter is null ? AllFilter.None : AllFilter.Of(filter.Categories, filter.EventTypes, filter.Streams);
        }
        catch (InvalidStoreRequestException e)
        {
            _violations.Add(new FieldViolation(e.Field, e.Reason));
            return AllFilter.None;
        }
    }

    public void Add(string field, string reason) => _violations.Add(new FieldViolation(field, reason));

    /// <exception cref="DomainException">Some argument is bad: INVALID_ARGUMENT naming each one.</exception>
    public void ThrowIfAnyBad()
    {
        if (_violations.Count > 0)
        {
            throw DomainException.Invalid(_violations);
        }
    }
}
