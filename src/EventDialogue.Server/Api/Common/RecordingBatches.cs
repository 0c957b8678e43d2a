using EventDialogue.Api.V1;
using EventDialogue.Domain.Common;
using EventDialogue.Server.Api.Errors;
using EventDialogue.Server.Recording.Batching;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Api.Common;

/// <summary>A RecordRequests call's requests as a batch of commands, and each item's outcome as the API says it.</summary>
internal static class RecordingBatches
{
    public const int MaxRequestsPerBatch = RecordingRequests.MaxRequestsPerCheck;

    /// <summary>
    /// Each packed request as what it records, or as its refusal when it cannot be read (its item, not the call, is
    /// refused: an all-or-nothing batch fails on it when its turn comes).
    /// </summary>
    public static IReadOnlyList<BatchItem> ToItems(IReadOnlyList<Any> requests, string recordedBy)
    {
        if (requests.Count is 0 or > MaxRequestsPerBatch)
        {
            throw DomainException.Invalid("requests", $"a batch takes 1 to {MaxRequestsPerBatch} requests, not {requests.Count}");
        }

        return [.. requests.Select(packed =>
        {
            try
            {
                return BatchItem.Of(RecordingRequests.ToRecordCommand(packed, recordedBy));
            }
            catch (DomainException refusal)
            {
                return BatchItem.Refused(refusal);
            }
        })];
    }

    /// <summary>An item's outcome; a refusal as the status its own RPC would answer with (the one error mapping).</summary>
    public static RequestOutcome ToOutcome(BatchOutcome outcome) => outcome switch
    {
        { Recorded: { } recorded } => new RequestOutcome { Result = recorded.ToWriteResult() },
        { Refusal: { } refusal } => new RequestOutcome
        {
            Refusal = ErrorMapping.StatusOf(ErrorMapping.ToRpcException(refusal)
                ?? throw new InvalidOperationException($"a batch item was refused by {refusal.GetType().Name}, which is no refusal", refusal)),
        },
        _ => throw new InvalidOperationException("a batch outcome is recorded or refused"),
    };
}
