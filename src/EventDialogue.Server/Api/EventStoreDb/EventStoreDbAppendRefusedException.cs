namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// An append through EventStoreDB's protocol. Our history is written only through the recording commands, which
/// check each fact against the domain's rules (and who records it); a raw event appended beside them would skip
/// those checks, so the protocol's write side is refused whatever the event.
/// </summary>
public sealed class EventStoreDbAppendRefusedException(string? stream)
    : Exception(
        $"{(stream is null ? "appends" : $"appending to stream '{stream}'")} through EventStoreDB's protocol is refused: this server serves its read side only; "
        + "history is recorded through EventDialogue's RecordingService commands, which enforce the domain's rules")
{
    public string? Stream { get; } = stream;
}
