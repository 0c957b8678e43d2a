using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>
/// Ends a whole export with the signed checkpoint of exactly its events. The server signs one within its interval of
/// the log growing, so the export waits for one at least as large as what it wrote, and then writes the events up to
/// that checkpoint's size: the file is then a complete prefix of the log, which that checkpoint covers.
/// </summary>
internal static class ExportCheckpoint
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The trailer written (null, with a warning, when no checkpoint came in time), the events added, and the last position.</summary>
    public static async Task<(ExportTrailer? Trailer, long Added, long Last)> AppendAsync(Session session, string path, long events, long last, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long added = 0;
        while (true)
        {
            var latest = await session.Audit.GetCheckpointAsync(new GetCheckpointRequest(), Session.Call(cancellationToken));
            if (latest.TreeSize > events)
            {
                var request = new ReadAllRequest { AfterPosition = last, MaxCount = latest.TreeSize - events };
                var (count, end) = await ExportCommand.WriteAsync(session, request, path, new Progress<long>(), cancellationToken);
                (events, added, last) = (events + count, added + count, end);
            }

            if (latest.TreeSize == events)
            {
                var trailer = new ExportTrailer(events, latest.SignedNote);
                await File.AppendAllTextAsync(path, trailer.Format() + "\n", cancellationToken);
                return (trailer, added, last);
            }

            if (clock.Elapsed > Wait)
            {
                session.Err.MarkupLineInterpolated(
                    $"[yellow]No signed checkpoint of the {events} exported events came within {Wait.TotalSeconds:0} seconds (the latest holds {latest.TreeSize}): the file carries none, and `history verify --offline` will refuse it. Run the export again to add one.[/]");
                return (null, added, last);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
