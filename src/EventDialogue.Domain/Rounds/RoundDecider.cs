using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Rounds;

public sealed record RoundState(bool Scheduled, bool Held, bool Concluded, string? DialogueId, IReadOnlySet<string> Leaders)
{
    public bool Exists => Scheduled || Held;
}

public sealed class RoundDecider : Decider<RoundState, RoundCommand>
{
    private const int MaxTopics = 30;

    public override RoundState Initial { get; } = new(false, false, false, null, new HashSet<string>());

    public override RoundState Evolve(RoundState state, IDomainEvent fact) => fact switch
    {
        RoundScheduled e => state with { Scheduled = true, DialogueId = e.DialogueId },
        RoundHeld e => state with { Held = true, DialogueId = e.DialogueId },
        DelegationMemberNamed { Leads: true } e => state with { Leaders = new HashSet<string>(state.Leaders) { e.Side } },
        RoundConcluded => state with { Concluded = true },
        _ => state,
    };

    public override IReadOnlyList<IDomainEvent> Decide(RoundState state, RoundCommand command, Known known)
    {
        var id = EntityId.Require(command.RoundId, "round_id");
        var source = (command.Source ?? throw DomainException.Invalid("source", "every fact cites a source")).Validated("source");
        known.RequireSource(source, "source");
        if (command is not ScheduleRound and not HoldRound)
        {
            Existing(state, id);
        }

        return command switch
        {
            ScheduleRound c => [Schedule(state, c, id, source, known)],
            HoldRound c => [Hold(state, c, id, source, known)],
            NameDelegationMember c => [NameMember(state, c, source)],
            RecordSession c => [new SessionHeld(Topics(c.Topics), WorldDate.Optional(c.Date, "date"), source)],
            RecordSiteVisit c => [Visit(c, source)],
            CharacteriseOutcome c => [new OutcomeCharacterised(Side.Require(c.Side, "side"), Text.Require(c.Characterisation, "characterisation", Text.Paragraph), source)],
            ConcludeRound c => [Conclude(state, c, id, source)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    private static RoundState Existing(RoundState state, string id) =>
        state.Exists ? state : throw DomainException.NotFound($"round '{id}' does not exist: schedule or hold it first");

    private static RoundScheduled Schedule(RoundState state, ScheduleRound c, string id, Citation source, Known known)
    {
        if (state.Exists)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"round '{id}' is already {(state.Held ? "held" : "scheduled")}", "round_id");
        }

        var dialogue = EntityId.Require(c.DialogueId, "dialogue_id");
        known.Require(Streams.Dialogue(dialogue), "dialogue_id", "dialogue");
        return new RoundScheduled(id, dialogue, WorldDate.Require(c.Dates, "dates"), Text.Optional(c.Place, "place", Text.Name), source);
    }

    private static RoundHeld Hold(RoundState state, HoldRound c, string id, Citation source, Known known)
    {
        if (state.Held)
        {
            throw DomainException.Conflict($"round '{id}' was already held: a round cannot be held twice (correct the earlier entry instead)", "round_id");
        }

        var dialogue = EntityId.Require(c.DialogueId, "dialogue_id");
        known.Require(Streams.Dialogue(dialogue), "dialogue_id", "dialogue");
        if (state.DialogueId is not null && state.DialogueId != dialogue)
        {
            throw DomainException.Conflict($"round '{id}' was scheduled in dialogue '{state.DialogueId}', not '{dialogue}'", "dialogue_id");
        }

        return new RoundHeld(id, dialogue, WorldDate.Require(c.Dates, "dates"), Text.Optional(c.Place, "place", Text.Name), Text.Optional(c.Ordinal, "ordinal", 20), source);
    }

    private static DelegationMemberNamed NameMember(RoundState state, NameDelegationMember c, Citation source)
    {
        var side = Side.Require(c.Side, "side");
        if (c.Leads && state.Leaders.Contains(side))
        {
            throw DomainException.Conflict($"the '{side}' delegation already has a leader in this round", "leads");
        }

        return new DelegationMemberNamed(side, Text.Require(c.Name, "name", Text.Name), Text.Optional(c.Title, "title", Text.Title), Text.Optional(c.Agency, "agency", Text.Title), c.Leads, source);
    }

    private static SiteVisited Visit(RecordSiteVisit c, Citation source) => new(
        Text.Require(c.Place, "place", Text.Title),
        Text.Optional(c.Host, "host", Text.Name),
        Topics(c.Topics),
        WorldDate.Optional(c.Date, "date"),
        source);

    private static RoundConcluded Conclude(RoundState state, ConcludeRound c, string id, Citation source)
    {
        if (!state.Held)
        {
            throw DomainException.Conflict($"round '{id}' has not been held, so it cannot be concluded", "round_id");
        }

        if (state.Concluded)
        {
            throw DomainException.Conflict($"round '{id}' is already concluded", "round_id");
        }

        return new RoundConcluded(WorldDate.Optional(c.Date, "date"), source);
    }

    private static IReadOnlyList<string> Topics(IReadOnlyList<string>? topics) => Text.List(topics, "topics", MaxTopics, Text.Name, required: true);
}
