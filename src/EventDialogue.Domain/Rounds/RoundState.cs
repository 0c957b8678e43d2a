using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Rounds;

/// <summary>
/// Where a round stands, as far as deciding what may be recorded of it: one of a closed set of cases. A round is
/// planned by being scheduled or held (a round may be recorded held without a schedule), and concluded once held.
/// </summary>
public abstract record RoundState
{
    private RoundState()
    {
    }

    /// <summary>Nothing is recorded of this round.</summary>
    public sealed record NotPlanned : RoundState;

    /// <summary>Scheduled or held, in a dialogue; the sides whose delegation leader has been named.</summary>
    public abstract record Planned(string DialogueId, IReadOnlySet<string> Leaders) : RoundState;

    /// <summary>Scheduled, not yet recorded as held.</summary>
    public sealed record Scheduled(string DialogueId, IReadOnlySet<string> Leaders) : Planned(DialogueId, Leaders);

    /// <summary>Held and not yet concluded.</summary>
    public sealed record Held(string DialogueId, IReadOnlySet<string> Leaders) : Planned(DialogueId, Leaders);

    /// <summary>Held and concluded.</summary>
    public sealed record Concluded(string DialogueId, IReadOnlySet<string> Leaders) : Planned(DialogueId, Leaders);

    public static RoundState Initial { get; } = new NotPlanned();

    /// <summary>
    /// The next case after a fact. Histories that decisions never produce (a conclusion left without the holding it
    /// followed, which only a retraction can leave behind) leave the case as it was.
    /// </summary>
    public RoundState After(IDomainEvent fact) => (this, fact) switch
    {
        (NotPlanned, RoundScheduled e) => new Scheduled(e.DialogueId, NoLeaders),
        (NotPlanned, RoundHeld e) => new Held(e.DialogueId, NoLeaders),
        (Scheduled scheduled, RoundHeld e) => new Held(e.DialogueId, scheduled.Leaders),
        (Held held, RoundConcluded) => new Concluded(held.DialogueId, held.Leaders),
        (Planned planned, DelegationMemberNamed { Leads: true } e) => planned with { Leaders = new HashSet<string>(planned.Leaders, StringComparer.Ordinal) { e.Side } },
        _ => this,
    };

    private static readonly IReadOnlySet<string> NoLeaders = new HashSet<string>(StringComparer.Ordinal);
}
