using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Dialogues;

public sealed record DialogueState(bool Established);

public sealed class DialogueDecider : Decider<DialogueState, DialogueCommand>
{
    public override DialogueState Initial { get; } = new(false);

    public override DialogueState Evolve(DialogueState state, IDomainEvent fact) => fact switch
    {
        DialogueEstablished => state with { Established = true },
        _ => state,
    };

    public override IReadOnlyList<IDomainEvent> Decide(DialogueState state, DialogueCommand command, Known known) => command switch
    {
        EstablishDialogue c => [Establish(state, c, known)],
        _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
    };

    private static DialogueEstablished Establish(DialogueState state, EstablishDialogue c, Known known)
    {
        var id = EntityId.Require(c.DialogueId, "dialogue_id");
        if (state.Established)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"dialogue '{id}' is already established", "dialogue_id");
        }

        var parties = Text.List(c.Parties, "parties", 10, Side.Require, required: true);

        var parent = c.ParentDialogueId is null ? null : EntityId.Require(c.ParentDialogueId, "parent_dialogue_id");
        if (parent is not null)
        {
            known.Require(Streams.Dialogue(parent), "parent_dialogue_id", "dialogue");
        }

        var source = c.Source?.Validated("source");
        if (source is not null)
        {
            known.RequireSource(source, "source");
        }

        return new DialogueEstablished(
            id,
            Text.Require(c.Name, "name", Text.Title),
            parties,
            WorldDate.Optional(c.Established, "established"),
            Text.Optional(c.Cadence, "cadence", Text.Name),
            parent,
            source);
    }
}
