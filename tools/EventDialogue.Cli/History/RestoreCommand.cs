using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.Client.Connection;
using Grpc.Core;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>`history restore FILE`: checks the whole export first, then streams it to RestoreHistory in batches.</summary>
internal static class RestoreCommand
{
    // Per message: few enough events to stay well under gRPC's 4 MB message limit whatever their size.
    private const int MaxEventsPerMessage = 200;
    private const int MaxBytesPerMessage = 1024 * 1024;
    private static readonly TimeSpan ViewsTimeout = TimeSpan.FromMinutes(5);

    private static readonly Argument<FileInfo> File = new("file")
    {
        Description = "The export: JSON Lines, one event per line, as `history export` writes it.",
    };

    public static Command Create()
    {
        var command = new Command(
            "restore",
            "Restore an exported log into the server's store, which must be empty: the same streams, revisions, positions, event ids, recording times and metadata, and so the same views. The whole file is checked first; nothing is stored unless every event is.")
        {
            File,
        };
        command.SetSessionAction(RunAsync);
        return command;
    }

    private static async Task RunAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var path = parsed.GetRequiredValue(File).FullName;
        if (!System.IO.File.Exists(path))
        {
            throw new HistoryFileException($"{path}: no such file");
        }

        long total;
        try
        {
            total = ExportFile.Check(path);
        }
        catch (HistoryFileException e)
        {
            throw new HistoryFileException($"{e.Message}{Environment.NewLine}Nothing was sent: the store is unchanged.");
        }

        var restored = await HistoryProgress.RunAsync(session.Err, "Restoring", total, progress => SendAsync(session, path, progress, cancellationToken));
        if (restored.EventCount > 0)
        {
            await ViewsCatchUp.WaitAsync(session.Views, restored.HeadPosition, ViewsTimeout, cancellationToken);
        }

        if (session.Json)
        {
            Session.WriteJson(restored);
            return;
        }

        session.Out.MarkupLineInterpolated($"Restored {restored.EventCount} events from {path}, up to position {restored.HeadPosition}; the views are up to date.");
    }

    private static async Task<RestoreHistoryResponse> SendAsync(Session session, string path, IProgress<long> progress, CancellationToken cancellationToken)
    {
        using var call = session.History.RestoreHistory(cancellationToken: cancellationToken);
        try
        {
            long sent = 0;
            foreach (var batch in Batches(path))
            {
                await call.RequestStream.WriteAsync(batch, cancellationToken);
                sent += batch.Events.Count;
                progress.Report(sent);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The server ended the call before taking everything: its answer says why.
            await call.ResponseAsync;
            throw;
        }

        return await call.ResponseAsync;
    }

    private static IEnumerable<RestoreHistoryRequest> Batches(string path)
    {
        var batch = new RestoreHistoryRequest();
        var bytes = 0;
        foreach (var (_, exported) in ExportFile.Read(path))
        {
            var size = exported.CalculateSize();
            if (batch.Events.Count > 0 && (batch.Events.Count == MaxEventsPerMessage || bytes + size > MaxBytesPerMessage))
            {
                yield return batch;
                batch = new RestoreHistoryRequest();
                bytes = 0;
            }

            batch.Events.Add(exported);
            bytes += size;
        }

        if (batch.Events.Count > 0)
        {
            yield return batch;
        }
    }
}
