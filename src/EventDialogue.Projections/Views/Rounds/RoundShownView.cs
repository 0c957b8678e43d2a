namespace EventDialogue.Projections.Views.Rounds;

/// <summary>
/// What a round's page shows of the other streams about it, for one audience: its cases raised, then its commitments
/// made, in the order their link documents sort in (<see cref="RoundsProjection.LinksCollection"/>). Kept as one
/// document so that a round is answered by two lookups by key, not by a find of its links.
/// </summary>
public sealed record RoundShownView(IReadOnlyList<ShownLinkView> Links);

/// <summary>A link as a round's <see cref="RoundShownView"/> holds it: with the id and sort key of its own document, which order it.</summary>
public sealed record ShownLinkView(string Id, string SortKey, RoundLinkView Link);
