using EventDialogue.Api.V1;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Server.Api.Common;

namespace EventDialogue.Server.Api.Dialogues;

internal static class DialogueMappings
{
    public static EstablishDialogue ToCommand(this EstablishDialogueRequest r) => new(
        r.DialogueId,
        r.Name,
        [.. r.Parties],
        r.Established.NullIfEmpty(),
        r.Cadence.NullIfEmpty(),
        r.ParentDialogueId.NullIfEmpty(),
        r.Source.ToDomain());

    public static ReviewDialogueSources ToCommand(this ReviewDialogueSourcesRequest r) =>
        new(r.DialogueId, r.ReviewedUpTo, r.Detail, r.Source.Required());
}
