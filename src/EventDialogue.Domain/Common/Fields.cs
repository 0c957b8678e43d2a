namespace EventDialogue.Domain.Common;

/// <summary>
/// Checks a command's fields all together, so that a refusal names every field that is wrong rather than the first.
/// Each field is checked on its own with <see cref="Check{T}"/> (by the same throwing checks as ever: <c>Text.Require</c>,
/// <c>WorldDate.Parse</c>, …), checks that need another field's value are chained with <see cref="FieldCheck{T}.Against"/>,
/// and <c>All</c> hands back every checked value or throws one refusal with every violation, in the order given.
/// </summary>
public static partial class Fields
{
    /// <summary>Runs one field's check, keeping its refusal (if the command is invalid) instead of throwing it.</summary>
    /// <remarks>Other refusals (not found, conflicts) are not about the field's content and are thrown at once.</remarks>
    public static FieldCheck<T> Check<T>(Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return FieldCheck<T>.Pass(check());
        }
        catch (DomainException refusal) when (refusal.Violations.Count > 0)
        {
            return FieldCheck<T>.Fail(refusal.Violations);
        }
    }

    /// <summary>Checks every entry of a list, each by its place in it; the list passes when every entry does.</summary>
    public static FieldCheck<IReadOnlyList<T>> Each<TItem, T>(IReadOnlyList<TItem> items, Func<TItem, int, T> check)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(check);
        var checks = items.Select((item, i) => Check(() => check(item, i))).ToList();
        return checks.All(c => c.Passed)
            ? FieldCheck<IReadOnlyList<T>>.Pass([.. checks.Select(c => c.OrThrow())])
            : FieldCheck<IReadOnlyList<T>>.Fail([.. checks.SelectMany(c => c.Violations)]);
    }

    /// <summary>Returns when every check passed; otherwise throws one refusal naming every violation, in order.</summary>
    private static void RequireAll(params FieldCheck[] checks)
    {
        if (checks.All(c => c.Passed))
        {
            return;
        }

        var violations = checks.SelectMany(c => c.Violations).ToList();
        throw violations.Count > 0
            ? DomainException.Invalid(violations)
            : new InvalidOperationException("a check waited for a field that was not checked with it: gather both in one Fields.All");
    }
}
