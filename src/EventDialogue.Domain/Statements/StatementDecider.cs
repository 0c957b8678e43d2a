using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Statements;

public sealed class StatementDecider : Decider<StatementState, StatementCommand>
{
    public override StatementState Initial => StatementState.Initial;

    public override StatementState Evolve(StatementState state, IDomainEvent fact) => state.After(fact);

    public override StatementCommand? CommandRecording(IDomainEvent fact, string streamId) => fact switch
    {
        StatementRecorded e => new RecordStatement(
            e.StatementId, e.Speaker, e.SpeakerTitle, e.Side, e.Setting, e.Said, e.Place, e.Text, e.Exact, e.Topics, e.Stance, e.RoundId, e.Source),
        _ => null,
    };

    public override IReadOnlyList<IDomainEvent> Decide(StatementState state, StatementCommand command, Known known) => command switch
    {
        RecordStatement c => [Record(state, c, known)],
        _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
    };

    /// <summary>The statement's fields are checked first, all together, so that a refusal names every wrong one.</summary>
    private static StatementRecorded Record(StatementState state, RecordStatement c, Known known)
    {
        var (id, speaker, speakerTitle, side, setting, said, place, text, topics, stance, round, source) = Fields.All(
            Fields.Check(() => EntityId.Require(c.StatementId, "statement_id")),
            Fields.Check(() => Common.Text.Require(c.Speaker, "speaker", Common.Text.Name)),
            Fields.Check(() => Common.Text.Optional(c.SpeakerTitle, "speaker_title", Common.Text.Title)),
            Fields.Check(() => Side.Require(c.Side, "side")),
            Fields.Check(() => Vocabulary.Require(c.Setting, "setting", Vocabulary.Settings)),
            Fields.Check(() => WorldDate.Require(c.Said, "said")),
            Fields.Check(() => Common.Text.Optional(c.Place, "place", Common.Text.Name)),
            Fields.Check(() => Common.Text.Require(c.Text, "text", Common.Text.Paragraph)),
            Fields.Check(() => Common.Text.List(c.Topics, "topics", 30, Common.Text.Name)),
            Fields.Check(() => Vocabulary.Optional(c.Stance, "stance", Vocabulary.Stances)),
            Fields.Check(() => c.RoundId is null ? null : EntityId.Require(c.RoundId, "round_id")),
            Fields.Check(() => Citation.Required(c.Source, "source", "a statement cites the source it was reported in")));
        if (state is StatementState.Recorded)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"statement '{id}' is already recorded", "statement_id");
        }

        known.RequireSource(source, "source");
        if (round is not null)
        {
            known.Require(Streams.Round(round), "round_id", "round");
        }

        return new StatementRecorded(id, speaker, speakerTitle, side, setting, said, place, text, c.Exact, topics, stance, round, source);
    }
}
