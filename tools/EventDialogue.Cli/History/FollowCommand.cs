using System.CommandLine;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Grpc.Core;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>`history follow`: the global log caught up from a position, then live, until Ctrl-C.</summary>
internal static class FollowCommand
{
    private static readonly Option<long> After = new("--after") { Description = "Catch up after this position (default 0: the whole log), then follow." };

    public static Command Create()
    {
        var command = new Command("follow", "Follow the global log: the events after --after, then each new one as it is recorded, until Ctrl-C. With --json, one JSON object per line (checkpoints included, to resume from).")
        {
            After,
        };
        foreach (var option in HistoryFilterOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetSessionAction(FollowAsync);
        return command;
    }

    private static async Task FollowAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var request = new SubscribeRequest { AfterPosition = parsed.GetValue(After), Filter = HistoryFilterOptions.Read(parsed) };
        using var call = session.History.Subscribe(request, cancellationToken: cancellationToken);
        try
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                Show(session, message);
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: the way a follow ends.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Likewise.
        }
    }

    private static void Show(Session session, SubscribeResponse message)
    {
        if (session.Json)
        {
            Session.WriteJsonLine(message);
            return;
        }

        switch (message.MessageCase)
        {
            case SubscribeResponse.MessageOneofCase.Event:
                session.Out.MarkupLine(HistoryEventCells.Line(message.Event));
                break;
            case SubscribeResponse.MessageOneofCase.CaughtUp:
                session.Err.MarkupLine($"[grey]caught up at position {message.CaughtUp.Position}; following new events (Ctrl-C to stop)[/]");
                break;
            case SubscribeResponse.MessageOneofCase.Checkpoint:
                session.Err.MarkupLine($"[grey]read up to position {message.Checkpoint.Position}[/]");
                break;
        }
    }
}
