namespace EventDialogue.Domain.Commitments;

/// <summary>The closed set of ratings an analyst gives a commitment; a closed set so that ratings can be counted.</summary>
public static class CommitmentRatings
{
    public const string Kept = "kept";
    public const string PartlyKept = "partly-kept";
    public const string NotKept = "not-kept";
    public const string Unclear = "unclear";

    public static IReadOnlyList<string> All { get; } = [Kept, PartlyKept, NotKept, Unclear];
}
