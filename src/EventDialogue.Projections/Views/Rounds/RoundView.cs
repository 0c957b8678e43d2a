using EventDialogue.Domain.Common;

namespace EventDialogue.Projections.Views.Rounds;

/// <summary>One round of a dialogue as it stands: what the round's own stream says.</summary>
public sealed record RoundView(
    string RoundId,
    string DialogueId,
    string Status,
    string? Ordinal,
    string? Dates,
    string? Place,
    IReadOnlyList<DelegationView> Delegations,
    IReadOnlyList<SessionView> Sessions,
    IReadOnlyList<SiteVisitView> SiteVisits,
    IReadOnlyList<CharacterisationView> Characterisations,
    string? ConcludedOn,
    IReadOnlyList<Citation> Sources);

public sealed record DelegationView(string Side, string? LedBy, IReadOnlyList<DelegateView> Members);

public sealed record DelegateView(string Name, string? Title, string? Agency, bool Leads);

public sealed record SessionView(IReadOnlyList<string> Topics, string? Date);

public sealed record SiteVisitView(string Place, string? Host, IReadOnlyList<string> Topics, string? Date);

public sealed record CharacterisationView(string Side, string Characterisation);

/// <summary>Something another stream says about a round: a case raised in it, a commitment made in it, a statement about it.</summary>
/// <param name="Kind">case, commitment or statement.</param>
public sealed record RoundLinkView(string RoundId, string Kind, string Stream, string Id, string Summary, string? Side, string? Date, bool? Publicly);
