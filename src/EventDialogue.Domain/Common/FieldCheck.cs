namespace EventDialogue.Domain.Common;

/// <summary>
/// The outcome of checking one field of a command: its checked value, or every way it is wrong — or neither, when a
/// check against another field could not run because that field is wrong (that field reports it). Made by
/// <see cref="Fields.Check{T}"/>; a command's checks are gathered by <c>Fields.All</c>.
/// </summary>
public abstract class FieldCheck
{
    private protected FieldCheck(bool passed, IReadOnlyList<FieldViolation> violations)
    {
        Passed = passed;
        Violations = violations;
    }

    public bool Passed { get; }

    /// <summary>Why the field is wrong; empty when it passed, or when it was not checked for a wrong field it depends on.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }
}

public sealed class FieldCheck<T> : FieldCheck
{
    // Read only when the check passed: a failed check has no value, and nothing hands one out.
    private readonly T _value;

    private FieldCheck(bool passed, T value, IReadOnlyList<FieldViolation> violations)
        : base(passed, violations)
    {
        _value = value;
    }

    internal static FieldCheck<T> Pass(T value) => new(true, value, []);

    internal static FieldCheck<T> Fail(IReadOnlyList<FieldViolation> violations) => new(false, default!, violations);

    /// <summary>The checked value, or a refusal naming every way the field is wrong.</summary>
    public T OrThrow() => Passed
        ? _value
        : throw (Violations.Count > 0
            ? DomainException.Invalid(Violations)
            : new InvalidOperationException("this check waited for another field that is wrong: gather it with that field in Fields.All"));

    /// <summary>A further check of the value (or a conversion of it), run only when the field passed so far.</summary>
    public FieldCheck<TNext> Then<TNext>(Func<T, TNext> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Passed ? Fields.Check(() => next(_value)) : FieldCheck<TNext>.Fail(Violations);
    }

    /// <summary>
    /// A check of this field against another one (a due window against the day the promise was made), run only when
    /// both passed: against a wrong field it would only report a follow-on error, so it reports nothing and leaves the
    /// other field to report its own.
    /// </summary>
    public FieldCheck<TNext> Against<TOther, TNext>(FieldCheck<TOther> other, Func<T, TOther, TNext> check)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(check);
        if (!Passed)
        {
            return FieldCheck<TNext>.Fail(Violations);
        }

        return other.Passed ? Fields.Check(() => check(_value, other._value)) : FieldCheck<TNext>.Fail([]);
    }
}
