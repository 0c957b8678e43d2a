using EventDialogue.Api.V1;
using EventDialogue.Client.Connection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
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

/// <summary>The server refused an entry. <see cref="RecordedFromFile"/> entries of its file were recorded before it (none when the check caught it).</summary>
public sealed class ImportRefusedException(DatasetEntry entry, string reason, int recordedFromFile, RpcException inner)
    : Exception($"{entry.Where}: the server refused this {entry.Call.Name} entry: {reason}", inner)
{
    public DatasetEntry Entry { get; } = entry;

    public int RecordedFromFile { get; } = recordedFromFile;
}

/// <summary>
/// Sends a dataset through the public RecordingService. The server first checks the entries (CheckRequests: each
/// decided as if the ones before it were recorded, nothing recorded), so that an entry it would refuse stops the
/// import before anything of it is sent; then each entry goes with the request id of its content, so one the server
/// already has is a replay and records nothing.
/// </summary>
public sealed class DatasetImporter(CallInvoker invoker, TimeSpan callTimeout)
{
    /// <summary>The most requests the server takes in one check.</summary>
    public const int MaxEntriesPerCheck = 1000;

    private readonly RecordingService.RecordingServiceClient _recording = new(invoker);

    public async Task<ImportReport> ImportAsync(DatasetFolder dataset, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var recordedByFile = dataset.Files.ToDictionary(file => file.Name, _ => 0);
        var replayedByFile = dataset.Files.ToDictionary(file => file.Name, _ => 0);
        var (sent, lastPosition) = (0, 0L);
        foreach (var batch in CheckedBatches(dataset))
        {
            await CheckAsync(batch, cancellationToken).ConfigureAwait(false);
            foreach (var entry in batch)
            {
                var result = await SendAsync(entry, recordedByFile[entry.File], cancellationToken).ConfigureAwait(false);
                lastPosition = Math.Max(lastPosition, result.Position);
                (result.Replayed ? replayedByFile : recordedByFile)[entry.File]++;
                progress?.Report(new ImportProgress(entry.File, ++sent, dataset.EntryCount, recordedByFile.Values.Sum(), replayedByFile.Values.Sum()));
            }
        }

        return new ImportReport([.. dataset.Files.Select(file => new FileImported(file.Name, recordedByFile[file.Name], replayedByFile[file.Name]))], lastPosition);
    }

    /// <summary>The whole dataset in one check when the server takes that many; else file by file, each checked just before it is sent.</summary>
    private static IEnumerable<IReadOnlyList<DatasetEntry>> CheckedBatches(DatasetFolder dataset) =>
        dataset.EntryCount <= MaxEntriesPerCheck
            ? [[.. dataset.Files.SelectMany(file => file.Entries)]]
            : dataset.Files.SelectMany(file => file.Entries.Chunk(MaxEntriesPerCheck));

    private async Task CheckAsync(IReadOnlyList<DatasetEntry> batch, CancellationToken cancellationToken)
    {
        var request = new CheckRequestsRequest { Requests = { batch.Select(entry => Any.Pack(RequestIds.RequestOf(entry))) } };
        try
        {
            await _recording.CheckRequestsAsync(request, Options(cancellationToken)).ConfigureAwait(false);
        }
        catch (RpcException ex) when (RefusedIndex(ex) is { } index && index < batch.Count)
        {
            var reason = ServerError.Details(ex);
            var prefix = $"requests[{index}]: ";
            throw new ImportRefusedException(batch[index], reason.StartsWith(prefix, StringComparison.Ordinal) ? reason[prefix.Length..] : reason, 0, ex);
        }
    }

    private async Task<WriteResult> SendAsync(DatasetEntry entry, int recordedFromFile, CancellationToken cancellationToken)
    {
        try
        {
            return await entry.Call.SendAsync(invoker, RequestIds.RequestOf(entry), Options(cancellationToken)).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled))
        {
            throw new ImportRefusedException(entry, ServerError.Details(ex), recordedFromFile, ex);
        }
    }

    private CallOptions Options(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + callTimeout, cancellationToken: cancellationToken);

    /// <summary>Which request of a check the server refused, from the ErrorInfo it adds (reason REQUEST_REFUSED).</summary>
    private static int? RefusedIndex(RpcException error) =>
        error.GetRpcStatus()?.Details
            .Where(detail => detail.Is(ErrorInfo.Descriptor))
            .Select(detail => detail.Unpack<ErrorInfo>())
            .Where(info => info.Reason == "REQUEST_REFUSED")
            .Select(info => int.TryParse(info.Metadata.GetValueOrDefault("request_index"), out var index) ? index : (int?)null)
            .FirstOrDefault();
}
