using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Statements;

public sealed record StatementState(bool Recorded);

public sealed class StatementDecider : Decider<StatementState, StatementCommand>
{
    public override StatementState Initial { get; } = new(false);

    public override StatementState Evolve(StatementState state, IDomainEvent fact) => fact switch
    {
        StatementRecorded => state with { Recorded = true },
        _ => state,
    };

    public override IReadOnlyList<IDomainEvent> Decide(StatementState state, StatementCommand command, Known known) => command switch
    {
        RecordStatement c => [Record(state, c, known)],
        _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
    };

    private static StatementRecorded Record(StatementState state, RecordStatement c, Known known)
    {
        var id = EntityId.Require(c.StatementId, "statement_id");
        if (state.Recorded)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"statement '{id}' is already recorded", "statement_id");
        }

        var source = (c.Source ?? throw DomainException.Invalid("source", "a statement cites the source it was reported in")).Validated("source");
        known.RequireSource(source, "source");
        var round = c.RoundId is null ? null : EntityId.Require(c.RoundId, "round_id");
        if (round is not null)
        {
            known.Require(Streams.Round(round), "round_id", "round");
        }

        return new StatementRecorded(
            id,
            Common.Text.Require(c.Speaker, "speaker", Common.Text.Name),
            Common.Text.Optional(c.SpeakerTitle, "speaker_title", Common.Text.Title),
            Side.Require(c.Side, "side"),
            Vocabulary.Require(c.Setting, "setting", Vocabulary.Settings),
            WorldDate.Require(c.Said, "said"),
            Common.Text.Optional(c.Place, "place", Common.Text.Name),
            Common.Text.Require(c.Text, "text", Common.Text.Paragraph),
            c.Exact,
            Common.Text.List(c.Topics, "topics", 30, Common.Text.Name),
            Vocabulary.Optional(c.Stance, "stance", Vocabulary.Stances),
            round,
            source);
    }
}
