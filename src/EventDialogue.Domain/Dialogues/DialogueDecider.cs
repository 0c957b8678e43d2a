using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Dialogues;

public sealed class DialogueDecider : Decider<DialogueState, DialogueCommand>
{
    public override DialogueState Initial => DialogueState.Initial;

    public override DialogueState Evolve(DialogueState state, IDomainEvent fact) => state.After(fact);

    public override DialogueCommand? CommandRecording(IDomainEvent fact, string streamId) => fact switch
    {
        DialogueEstablished e => new EstablishDialogue(e.DialogueId, e.Name, e.Parties, e.Established, e.Cadence, e.ParentDialogueId, e.Source),
        DialogueSourcesReviewed e => new ReviewDialogueSources(streamId, e.ReviewedUpTo, e.Detail, e.Source),
        _ => null,
    };

    public override IReadOnlyList<IDomainEvent> Decide(DialogueState state, DialogueCommand command, Known known) => command switch
    {
        EstablishDialogue c => [Establish(state, c, known)],
        ReviewDialogueSources c => [Review(state, c, known)],
        _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
    };

    /// <summary>The dialogue's fields are checked first, all together, so that a refusal names every wrong one.</summary>
    private static DialogueEstablished Establish(DialogueState state, EstablishDialogue c, Known known)
    {
        var (id, name, parties, established, cadence, parent, source) = Fields.All(
            Fields.Check(() => EntityId.Require(c.DialogueId, "dialogue_id")),
            Fields.Check(() => Text.Require(c.Name, "name", Text.Title)),
            Fields.Check(() => Text.List(c.Parties, "parties", 10, Side.Require, required: true)),
            Fields.Check(() => WorldDate.Optional(c.Established, "established")),
            Fields.Check(() => Text.Optional(c.Cadence, "cadence", Text.Name)),
            Fields.Check(() => c.ParentDialogueId is null ? null : EntityId.Require(c.ParentDialogueId, "parent_dialogue_id")),
            Fields.Check(() => c.Source?.Validated("source")));
        if (state is DialogueState.Established)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"dialogue '{id}' is already established", "dialogue_id");
        }

        if (parent is not null)
        {
            known.Require(Streams.Dialogue(parent), "parent_dialogue_id", "dialogue");
        }

        if (source is not null)
        {
            known.RequireSource(source, "source");
        }

        return new DialogueEstablished(id, name, parties, established, cadence, parent, source);
    }

    private static DialogueSourcesReviewed Review(DialogueState state, ReviewDialogueSources c, Known known)
    {
        var (id, upTo, detail, source) = Fields.All(
            Fields.Check(() => EntityId.Require(c.DialogueId, "dialogue_id")),
            Fields.Check(() => SourcesReview.Horizon(c.ReviewedUpTo, known)),
            Fields.Check(() => Text.Require(c.Detail, "detail", Text.Paragraph)),
            Fields.Check(() => Citation.Required(c.Source, "source", "a review horizon cites the last source reviewed")));
        known.RequireSource(source, "source");
        if (state is DialogueState.NotEstablished)
        {
            throw DomainException.NotFound($"dialogue '{id}' does not exist: establish it first");
        }

        return new DialogueSourcesReviewed(upTo, detail, source);
    }
}
