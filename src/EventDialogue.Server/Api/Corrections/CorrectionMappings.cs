using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Server.Api.Common;
using EventDialogue.Server.Api.Corrections;

// The recording requests of corrections, each with the command it records. Generated messages are partial, so they are
// declared here, in the generated namespace, beside the feature rather than in a table of every request.
namespace EventDialogue.Api.V1;

public sealed partial class CorrectEntryRequest : IRecordingRequest
{
    /// <remarks>A missing replacement is passed on as null: the decider refuses it, naming the field.</remarks>
    public IDomainCommand ToCommand() =>
        new CorrectEntry(
            TargetStream,
            TargetRevision,
            ReplacementEvent.From(ReplacementType, Replacement)!,
            Reason,
            Source.ToDomain());
}

public sealed partial class RetractEntryRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RetractEntry(TargetStream, TargetRevision, Reason, Source.ToDomain());
}
