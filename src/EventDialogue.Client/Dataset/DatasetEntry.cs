using Google.Protobuf;

namespace EventDialogue.Client.Dataset;

/// <summary>
/// One entry of a dataset file: the recording call it names and its request, ready to send but for the request id.
/// </summary>
/// <param name="File">The file's name.</param>
/// <param name="Line">The line the entry starts on.</param>
/// <param name="Call">The recording call.</param>
/// <param name="Request">Its request, without request id.</param>
public sealed record DatasetEntry(string File, int Line, RecordingCall Call, IMessage Request)
{
    public string Where => $"{File}:{Line}";
}
