using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Server.Api.Common;

// The recording requests of dialogues, each with the command it records. Generated messages are partial, so they are
// declared here, in the generated namespace, beside the feature rather than in a table of every request.
namespace EventDialogue.Api.V1;

public sealed partial class EstablishDialogueRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new EstablishDialogue(
            DialogueId,
            Name,
            [.. Parties],
            Established.NullIfEmpty(),
            Cadence.NullIfEmpty(),
            ParentDialogueId.NullIfEmpty(),
            Source.ToDomain());
}

public sealed partial class ReviewDialogueSourcesRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new ReviewDialogueSources(DialogueId, ReviewedUpTo, Detail, Source.Required());
}
