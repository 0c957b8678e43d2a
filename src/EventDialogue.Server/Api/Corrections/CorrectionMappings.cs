using EventDialogue.Api.V1;
using EventDialogue.Domain.Corrections;
using EventDialogue.Server.Api.Common;

namespace EventDialogue.Server.Api.Corrections;

internal static class CorrectionMappings
{
    /// <remarks>A missing replacement is passed on as null: the decider refuses it, naming the field.</remarks>
    public static CorrectEntry ToCommand(this CorrectEntryRequest r) => new(
        r.TargetStream,
        r.TargetRevision,
        ReplacementEvent.From(r.ReplacementType, r.Replacement)!,
        r.Reason,
        r.Source.ToDomain());

    public static RetractEntry ToCommand(this RetractEntryRequest r) =>
        new(r.TargetStream, r.TargetRevision, r.Reason, r.Source.ToDomain());
}
