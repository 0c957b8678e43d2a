using EventDialogue.Client.Connection;
using Grpc.Core;

namespace EventDialogue.Client.Dataset;

/// <summary>How far an import has got: entries sent so far of all, and of those how many were new.</summary>
public sealed record ImportProgress(string File, int Sent, int Total, int Recorded, int Replayed);

/// <summary>What an import did, file by file; <see cref="LastPosition"/> is where the views must reach to show it all.</summary>
public sealed record ImportReport(IReadOnlyList<FileImported> Files, long LastPosition)
{
    public int Recorded => Files.Sum(file => file.Recorded);

    public int Replayed => Files.Sum(file => file.Replayed);
}

/// <summary>A file's entries, split into those recorded now and those the server already had.</summary>
public sealed record FileImported(string File, int Recorded, int Replayed);

/// <summary>The server refused an entry; the entries before it were recorded (a new import will not record them twice).</summary>
public sealed class ImportRefusedException(DatasetEntry entry, string reason, int recordedFromFile, RpcException inner)
    : Exception($"{entry.Where}: the server refused this {entry.Call.Name} entry: {reason}", inner)
{
    public DatasetEntry Entry { get; } = entry;

    /// <summary>Entries of the same file recorded before this one, in this import.</summary>
    public int RecordedFromFile { get; } = recordedFromFile;
}

/// <summary>
/// Sends a dataset through the public RecordingService, entry after entry, each with the request id of its content:
/// an entry the server already has is a replay and records nothing.
/// </summary>
public sealed class DatasetImporter(CallInvoker invoker, TimeSpan callTimeout)
{
    public async Task<ImportReport> ImportAsync(DatasetFolder dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var files = new List<FileImported>();
        var total = dataset.EntryCount;
        var (sent, recorded, replayed, lastPosition) = (0, 0, 0, 0L);
        foreach (var file in dataset.Files)
        {
            var (recordedHere, replayedHere) = (0, 0);
            foreach (var entry in file.Entries)
            {
                var result = await SendAsync(entry, recordedHere, cancellationToken).ConfigureAwait(false);
                lastPosition = Math.Max(lastPosition, result.Position);
                if (result.Replayed)
                {
                    replayedHere++;
                    replayed++;
                }
                else
                {
                    recordedHere++;
                    recorded++;
                }

                progress?.Report(new ImportProgress(file.Name, ++sent, total, recorded, replayed));
            }

            files.Add(new FileImported(file.Name, recordedHere, replayedHere));
        }

        return new ImportReport(files, lastPosition);
    }

    private async Task<Api.V1.WriteResult> SendAsync(DatasetEntry entry, int recordedFromFile, CancellationToken cancellationToken)
    {
        try
        {
            var options = new CallOptions(deadline: DateTime.UtcNow + callTimeout, cancellationToken: cancellationToken);
            return await entry.Call.SendAsync(invoker, RequestIds.RequestOf(entry), options).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled))
        {
            throw new ImportRefusedException(entry, ServerError.Details(ex), recordedFromFile, ex);
        }
    }
}
