namespace EventDialogue.Projections.Views.Rounds;

/// <summary>
/// Every link to one round that a reader not cleared for confidential facts may read, in the links' order (sort key,
/// then id): what a read of the round's page would otherwise gather from a link document per case, commitment and
/// statement.
/// </summary>
public sealed record RoundLinksView(string RoundId, IReadOnlyList<RoundLinkEntry> Links);

/// <summary>A link as its own document has it: its id and sort key, by which the summary is kept and ordered.</summary>
public sealed record RoundLinkEntry(string Id, string SortKey, RoundLinkView Link);
