using EventDialogue.Domain.Common;
using EventDialogue.Domain.Statements;
using EventDialogue.Server.Api.Common;

// The recording requests of statements, each with the command it records. Generated messages are partial, so they are
// declared here, in the generated namespace, beside the feature rather than in a table of every request.
namespace EventDialogue.Api.V1;

public sealed partial class RecordStatementRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RecordStatement(
            StatementId,
            Speaker,
            SpeakerTitle.NullIfEmpty(),
            Side,
            Setting,
            Said,
            Place.NullIfEmpty(),
            Text,
            Exact,
            [.. Topics],
            Stance.NullIfEmpty(),
            RoundId.NullIfEmpty(),
            Source.Required());
}
