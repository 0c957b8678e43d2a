using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Cases;

/// <summary>Where a case stands, as far as deciding what may be recorded of it: one of a closed set of cases.</summary>
public abstract record CaseState
{
    private CaseState()
    {
    }

    /// <summary>No case of this id has been opened.</summary>
    public sealed record NotOpened : CaseState;

    /// <summary>Open, and raised this many times (publicly or in confidence) since it was opened.</summary>
    public sealed record Open(int TimesRaised) : CaseState;

    public static CaseState Initial { get; } = new NotOpened();

    /// <summary>
    /// The next case after a fact. Histories that decisions never produce (a raising before the opening, which only a
    /// retraction of the opening can leave behind) leave the case as it was.
    /// </summary>
    public CaseState After(IDomainEvent fact) => (this, fact) switch
    {
        (NotOpened, CaseOpened) => new Open(0),
        (Open open, CaseRaised) => open with { TimesRaised = open.TimesRaised + 1 },
        _ => this,
    };
}
