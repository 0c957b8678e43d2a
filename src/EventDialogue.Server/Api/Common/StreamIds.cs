using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Server.Recording;

namespace EventDialogue.Server.Api.Common;

/// <summary>
/// The id a command's stream is named from, checked as the id field it was sent in: the stream name is formed from it
/// before any decider runs, so an empty or malformed id would otherwise be reported as a bad stream name
/// ("'statement-' is not a stream name") instead of as the field the client filled in.
/// </summary>
internal static class StreamIds
{
    public static void Require(IDomainCommand command)
    {
        if (command is CorrectionCommand correction)
        {
            Text.Require(correction.TargetStream, "target_stream", int.MaxValue);
            return;
        }

        EntityId.Require(Streams.IdOf(command.Stream), Deciders.IdFieldOf(command));
    }
}
