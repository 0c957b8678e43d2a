using EventDialogue.Domain.Common;
using ApiExpectedRevision = EventDialogue.Api.V1.ExpectedRevision;

namespace EventDialogue.Server.Api.Common;

/// <summary>
/// A request of the recording service. Generated messages are partial, so each feature's mappings declare its
/// requests as this beside the command each records: recording, checks and batches then need no table of requests.
/// </summary>
public interface IRecordingRequest
{
    /// <summary>The domain command the request records; its fields are checked by the command's decider, not here.</summary>
    IDomainCommand ToCommand();

    /// <summary>The client's id for safe retries (the generated field); empty when the client sent none.</summary>
    string RequestId { get; }

    /// <summary>The revision the client expects the stream at (the generated field); null when it expects none.</summary>
    ApiExpectedRevision? ExpectedRevision { get; }
}
