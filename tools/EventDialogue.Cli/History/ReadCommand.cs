using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Grpc.Core;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>`history read --stream S` or `history read --all`: events of one stream or of the global log, as a table or JSON lines.</summary>
internal static class ReadCommand
{
    private static readonly Option<string?> Stream = new("--stream") { Description = "Read this stream (e.g. statement-clinton-2010-05-14)." };
    private static readonly Option<bool> All = new("--all") { Description = "Read the global log, in position order." };
    private static readonly Option<long> From = new("--from") { Description = "--stream: the first revision to read (default 0, or the last when --backwards)." };
    private static readonly Option<bool> Backwards = new("--backwards") { Description = "--stream: newest first." };
    private static readonly Option<long> After = new("--after") { Description = "--all: read the events after this position (default 0, the start)." };
    private static readonly Option<long> MaxCount = new("--max-count")
    {
        Description = "At most this many events (default 100; 0 for no limit).",
        DefaultValueFactory = _ => 100,
    };

    public static Command Create()
    {
        var command = new Command("read", "Read events as recorded: one stream (--stream) or the global log (--all), with who recorded each, its source and what it amends. With --json, one JSON object per line.")
        {
            Stream, All, From, Backwards, After, MaxCount,
        };
        foreach (var option in HistoryFilterOptions.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var stream = result.GetValue(Stream);
            if (string.IsNullOrEmpty(stream) == !result.GetValue(All))
            {
                result.AddError("give either --stream STREAM or --all");
            }

            if (result.GetValue(MaxCount) < 0)
            {
                result.AddError("--max-count must be 0 or more");
            }
        });
        command.SetSessionAction(ReadAsync);
        return command;
    }

    private static async Task ReadAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var stream = parsed.GetValue(Stream);
        var events = string.IsNullOrEmpty(stream)
            ? ReadAll(session, parsed, cancellationToken)
            : ReadStream(session, parsed, stream, cancellationToken);
        if (session.Json)
        {
            await foreach (var e in events)
            {
                Session.WriteJsonLine(e);
            }

            return;
        }

        var table = Cells.Table(string.IsNullOrEmpty(stream) ? "The global log" : $"Stream {stream}", HistoryEventCells.Columns);
        await foreach (var e in events)
        {
            table.AddRow(HistoryEventCells.Row(e));
        }

        session.Out.Write(table);
    }

    private static async IAsyncEnumerable<HistoryEvent> ReadStream(Session session, ParseResult parsed, string stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var backwards = parsed.GetValue(Backwards);
        var from = parsed.GetResult(From) is { Implicit: false } ? parsed.GetValue(From) : (long?)null;
        var request = new ReadStreamRequest
        {
            Stream = stream,
            Direction = backwards ? ReadDirection.Backwards : ReadDirection.Forwards,
            FromRevision = from ?? 0,
            FromEnd = backwards && from is null,
            MaxCount = parsed.GetValue(MaxCount),
        };
        using var call = session.History.ReadStream(request, cancellationToken: cancellationToken);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return response.Event;
        }
    }

    private static async IAsyncEnumerable<HistoryEvent> ReadAll(Session session, ParseResult parsed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ReadAllRequest { AfterPosition = parsed.GetValue(After), Filter = HistoryFilterOptions.Read(parsed), MaxCount = parsed.GetValue(MaxCount) };
        using var call = session.History.ReadAll(request, cancellationToken: cancellationToken);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return response.Event;
        }
    }
}
