using EventDialogue.Domain.Common;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording.Batching;

/// <summary>
/// What refuses one item of a batch, leaving the others to be recorded: what the caller sent (its values, its ids, its
/// expected revision). Anything else (the store unavailable, a fault) fails the whole batch before anything is appended.
/// </summary>
internal static class BatchRefusals
{
    public static bool IsRefusal(Exception exception) => exception is
        DomainException or RequestIdReusedException or WrongExpectedRevisionException or DuplicateEventIdException or InvalidStoreRequestException;
}
