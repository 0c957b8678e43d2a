using EventDialogue.Domain.Common;
using EventDialogue.Domain.Sources;
using EventDialogue.Server.Api.Common;

// The recording requests of sources, each with the command it records. Generated messages are partial, so they are
// declared here, in the generated namespace, beside the feature rather than in a table of every request.
namespace EventDialogue.Api.V1;

public sealed partial class RegisterSourceRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RegisterSource(
            SourceId,
            Title,
            Kind,
            Publisher.NullIfEmpty(),
            Published.NullIfEmpty(),
            Address.NullIfEmpty(),
            Reliability.NullIfEmpty());
}
