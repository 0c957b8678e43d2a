using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Rounds;

/// <summary>
/// A command's fields are checked first, all together, so that a refusal names every wrong one; then what it names must
/// exist, and then it must fit the round as it stands.
/// </summary>
public sealed class RoundDecider : Decider<RoundState, RoundCommand>
{
    private const int MaxTopics = 30;

    public override RoundState Initial => RoundState.Initial;

    public override RoundState Evolve(RoundState state, IDomainEvent fact) => state.After(fact);

    public override RoundCommand? CommandRecording(IDomainEvent fact, string streamId) => fact switch
    {
        RoundScheduled e => new ScheduleRound(e.RoundId, e.DialogueId, e.Dates, e.Place, e.Source),
        RoundHeld e => new HoldRound(e.RoundId, e.DialogueId, e.Dates, e.Place, e.Ordinal, e.Source),
        DelegationMemberNamed e => new NameDelegationMember(streamId, e.Side, e.Name, e.Title, e.Agency, e.Leads, e.Source),
        SessionHeld e => new RecordSession(streamId, e.Topics, e.Date, e.Source),
        SiteVisited e => new RecordSiteVisit(streamId, e.Place, e.Host, e.Topics, e.Date, e.Source),
        OutcomeCharacterised e => new CharacteriseOutcome(streamId, e.Side, e.Characterisation, e.Source),
        RoundConcluded e => new ConcludeRound(streamId, e.Date, e.Source),
        _ => null,
    };

    public override IReadOnlyList<IDomainEvent> Decide(RoundState state, RoundCommand command, Known known)
    {
        var id = Fields.Check(() => EntityId.Require(command.RoundId, "round_id"));
        var source = Fields.Check(() => Citation.Required(command.Source, "source"));
        return command switch
        {
            ScheduleRound c => [Schedule(state, c, id, source, known)],
            HoldRound c => [Hold(state, c, id, source, known)],
            NameDelegationMember c => [NameMember(state, c, id, source, known)],
            RecordSession c => [RecordSession(state, c, id, source, known)],
            RecordSiteVisit c => [Visit(state, c, id, source, known)],
            CharacteriseOutcome c => [Characterise(state, c, id, source, known)],
            ConcludeRound c => [Conclude(state, c, id, source, known)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    private static RoundScheduled Schedule(RoundState state, ScheduleRound c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (round, dialogue, dates, place, cited) = Fields.All(id, DialogueId(c.DialogueId), Dates(c.Dates), Place(c.Place), source);
        known.RequireSource(cited, "source");
        if (state is RoundState.Planned)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"round '{round}' is already {(state is RoundState.Scheduled ? "scheduled" : "held")}", "round_id");
        }

        known.Require(Streams.Dialogue(dialogue), "dialogue_id", "dialogue");
        return new RoundScheduled(round, dialogue, dates, place, cited);
    }

    private static RoundHeld Hold(RoundState state, HoldRound c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (round, dialogue, dates, place, ordinal, cited) = Fields.All(
            id,
            DialogueId(c.DialogueId),
            Dates(c.Dates),
            Place(c.Place),
            Fields.Check(() => Text.Optional(c.Ordinal, "ordinal", 20)),
            source);
        known.RequireSource(cited, "source");
        if (state is RoundState.Held or RoundState.Concluded)
        {
            throw DomainException.Conflict($"round '{round}' was already held: a round cannot be held twice (correct the earlier entry instead)", "round_id");
        }

        known.Require(Streams.Dialogue(dialogue), "dialogue_id", "dialogue");
        if (state is RoundState.Scheduled scheduled && scheduled.DialogueId != dialogue)
        {
            throw DomainException.Conflict($"round '{round}' was scheduled in dialogue '{scheduled.DialogueId}', not '{dialogue}'", "dialogue_id");
        }

        return new RoundHeld(round, dialogue, dates, place, ordinal, cited);
    }

    private static DelegationMemberNamed NameMember(RoundState state, NameDelegationMember c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (round, side, name, title, agency, cited) = Fields.All(
            id,
            Fields.Check(() => Side.Require(c.Side, "side")),
            Fields.Check(() => Text.Require(c.Name, "name", Text.Name)),
            Fields.Check(() => Text.Optional(c.Title, "title", Text.Title)),
            Fields.Check(() => Text.Optional(c.Agency, "agency", Text.Title)),
            source);
        var planned = Existing(state, round, cited, known);
        if (c.Leads && planned.Leaders.Contains(side))
        {
            throw DomainException.Conflict($"the '{side}' delegation already has a leader in this round", "leads");
        }

        return new DelegationMemberNamed(side, name, title, agency, c.Leads, cited);
    }

    private static SessionHeld RecordSession(RoundState state, RecordSession c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (round, topics, date, cited) = Fields.All(id, Topics(c.Topics), Date(c.Date), source);
        Existing(state, round, cited, known);
        return new SessionHeld(topics, date, cited);
    }

    private static SiteVisited Visit(RoundState state, RecordSiteVisit c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (round, place, host, topics, date, cited) = Fields.All(
            id,
            Fields.Check(() => Text.Require(c.Place, "place", Text.Title)),
            Fields.Check(() => Text.Optional(c.Host, "host", Text.Name)),
            Topics(c.Topics),
            Date(c.Date),
            source);
        Existing(state, round, cited, known);
        return new SiteVisited(place, host, topics, date, cited);
    }

    private static OutcomeCharacterised Characterise(RoundState state, CharacteriseOutcome c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (round, side, characterisation, cited) = Fields.All(
            id,
            Fields.Check(() => Side.Require(c.Side, "side")),
            Fields.Check(() => Text.Require(c.Characterisation, "characterisation", Text.Paragraph)),
            source);
        Existing(state, round, cited, known);
        return new OutcomeCharacterised(side, characterisation, cited);
    }

    private static RoundConcluded Conclude(RoundState state, ConcludeRound c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (round, date, cited) = Fields.All(id, Date(c.Date), source);
        switch (Existing(state, round, cited, known))
        {
            case RoundState.Scheduled:
                throw DomainException.Conflict($"round '{round}' has not been held, so it cannot be concluded", "round_id");
            case RoundState.Concluded:
                throw DomainException.Conflict($"round '{round}' is already concluded", "round_id");
        }

        return new RoundConcluded(date, cited);
    }

    private static RoundState.Planned Existing(RoundState state, string id, Citation source, Known known)
    {
        known.RequireSource(source, "source");
        return state as RoundState.Planned ?? throw DomainException.NotFound($"round '{id}' does not exist: schedule or hold it first");
    }

    private static FieldCheck<string> DialogueId(string dialogueId) => Fields.Check(() => EntityId.Require(dialogueId, "dialogue_id"));

    private static FieldCheck<string> Dates(string dates) => Fields.Check(() => WorldDate.Require(dates, "dates"));

    private static FieldCheck<string?> Place(string? place) => Fields.Check(() => Text.Optional(place, "place", Text.Name));

    private static FieldCheck<string?> Date(string? date) => Fields.Check(() => WorldDate.Optional(date, "date"));

    private static FieldCheck<IReadOnlyList<string>> Topics(IReadOnlyList<string>? topics) =>
        Fields.Check(() => Text.List(topics, "topics", MaxTopics, Text.Name, required: true));
}
