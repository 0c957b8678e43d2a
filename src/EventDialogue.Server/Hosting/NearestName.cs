namespace EventDialogue.Server.Hosting;

/// <summary>The known name a mistyped one was probably meant to be, by edit distance, ignoring case.</summary>
public static class NearestName
{
    /// <summary>The closest candidate, or null when none is close enough to be a likely typo rather than a guess.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var closeEnough = Math.Max(2, name.Length / 4);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .Where(scored => scored.Distance <= closeEnough)
            .OrderBy(scored => scored.Distance)
            .Select(scored => scored.Candidate)
            .FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
