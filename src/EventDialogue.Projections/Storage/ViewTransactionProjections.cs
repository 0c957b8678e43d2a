using EventDialogue.EventStore;

namespace EventDialogue.Projections.Storage;

/// <summary>What every backend checks of the projections a view transaction holds, so that all refuse alike.</summary>
public static class ViewTransactionProjections
{
    /// <summary>
    /// The projections to hold, each once, in ordinal order: processes that lock several checkpoints lock them in the
    /// same order, so two of them can never each wait for a checkpoint the other holds.
    /// </summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> projections)
    {
        ArgumentNullException.ThrowIfNull(projections);
        if (projections.Count == 0)
        {
            throw new ArgumentException("a view transaction needs at least one projection", nameof(projections));
        }

        if (projections.FirstOrDefault(string.IsNullOrWhiteSpace) is { } blank)
        {
            throw new ArgumentException($"a projection's name cannot be blank ('{blank}')", nameof(projections));
        }

        return [.. projections.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>A commit gives a checkpoint for every projection the transaction holds, and for no other.</summary>
    public static void CheckCommit(IReadOnlyList<string> held, IReadOnlyDictionary<string, Position> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (held.FirstOrDefault(p => !checkpoints.ContainsKey(p)) is { } missing)
        {
            throw new ArgumentException($"the commit gives no checkpoint for {missing}, which the transaction holds", nameof(checkpoints));
        }

        if (checkpoints.Keys.FirstOrDefault(p => !held.Contains(p, StringComparer.Ordinal)) is { } other)
        {
            throw new ArgumentException($"the commit gives a checkpoint for {other}, which the transaction does not hold", nameof(checkpoints));
        }
    }
}
