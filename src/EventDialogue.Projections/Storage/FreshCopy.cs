namespace EventDialogue.Projections.Storage;

/// <summary>
/// The names a projection's view is built under afresh, beside the view in use, until it takes its place
/// (<see cref="IViewStore.ReplaceWithFreshCopyAsync"/>): the same names with a suffix no projection or collection has.
/// </summary>
public static class FreshCopy
{
    public const string Suffix = "~fresh";

    /// <summary>The fresh copy's name for a projection or one of its collections.</summary>
    public static string Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} is already a fresh copy's name", nameof(name));
        }

        return name + Suffix;
    }
}
