using System.Text.Json;
using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Tests.Deciders;

/// <summary>Given some history, when a command is decided, then these events (or this refusal).</summary>
public static class Spec
{
    /// <summary>The day the tests pretend it is: after everything in the examples.</summary>
    public static readonly DateOnly Today = new(2012, 7, 25);

    /// <summary>
    /// The state a decider reaches from the events of its stream, in revision order, as the handler folds them:
    /// corrections and retractions among them count.
    /// </summary>
    public static TState Given<TState, TCommand>(this Decider<TState, TCommand> decider, params IDomainEvent[] history)
        where TState : class
        where TCommand : class, IDomainCommand =>
        decider.Fold(history);

    /// <summary>What the handler would have looked up: which of the named streams exist, and today's date.</summary>
    public static Known Known(params string[] existingStreams) => new(new HashSet<string>(existingStreams, StringComparer.Ordinal), Today);

    /// <summary>A world in which every stream of the examples exists.</summary>
    public static Known Everything() => Known([.. Washington2010.AllStreams]);

    /// <summary>A world in which every stream of the examples exists except these.</summary>
    public static Known EverythingBut(params string[] missing) => Known([.. Washington2010.AllStreams.Except(missing, StringComparer.Ordinal)]);

    /// <summary>The decision is exactly one event, of this type.</summary>
    public static TEvent OnlyEvent<TEvent>(IReadOnlyList<IDomainEvent> decided) => Assert.IsType<TEvent>(Assert.Single(decided));

    /// <summary>
    /// The event decided is the one expected, compared field by field (records holding lists compare them by reference,
    /// so they are compared by their serialised form).
    /// </summary>
    public static void SameEvent(IDomainEvent expected, IDomainEvent actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType()), JsonSerializer.Serialize(actual, actual.GetType()));
    }

    /// <summary>The decision refuses the command with this kind of error, naming this field, and decides no events.</summary>
    public static DomainException Refused(Func<IReadOnlyList<IDomainEvent>> decide, DomainErrorKind kind, string? field)
    {
        IReadOnlyList<IDomainEvent>? decided = null;
        var refusal = Assert.Throws<DomainException>(() => decided = decide());
        Assert.Null(decided);
        Assert.Equal(kind, refusal.Kind);
        Assert.Equal(field, refusal.Field);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message), "a refusal says why");
        return refusal;
    }

    /// <summary>
    /// The decision refuses the command as invalid, naming exactly these fields, in this order (the command's order),
    /// each with its reason; the refusal's field and message are those of the first, or list them all.
    /// </summary>
    public static DomainException Invalid(Func<IReadOnlyList<IDomainEvent>> decide, params string[] fields)
    {
        var refusal = Refused(decide, DomainErrorKind.InvalidArgument, fields[0]);
        Assert.Equal(fields, refusal.Violations.Select(v => v.Field));
        Assert.All(refusal.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Reason), $"{v.Field}: a violation says why"));
        if (fields.Length == 1)
        {
            Assert.Equal(refusal.Violations[0].Reason, refusal.Message);
        }
        else
        {
            Assert.All(refusal.Violations, v => Assert.Contains($"{v.Field}: {v.Reason}", refusal.Message, StringComparison.Ordinal));
        }

        return refusal;
    }

    /// <summary>The reason the refusal gives for a field it names.</summary>
    public static string ReasonFor(this DomainException refusal, string field) => Assert.Single(refusal.Violations, v => v.Field == field).Reason;

    public static string Chars(int count) => new('x', count);
}
