using System.CommandLine;
using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Grpc.Core;
using Spectre.Console;

namespace EventDialogue.Cli.Views;

/// <summary>`views rebuild VIEW`: has the server build a view again from the log (the ViewsService's RebuildView), for an administrator.</summary>
internal static class ViewsCommands
{
    private static readonly Argument<string> View = new("view") { Description = "The view's name, as the server's \"views\" health check gives it (e.g. rounds-v4, case-files-v2, commitments-v4, statements-v2, topics-v2)." };

    public static Command Create()
    {
        var rebuild = new Command("rebuild", "Build a view again from the log, beside the one in use, and put it in its place once it has caught up: readers keep the whole former view until then. Waits until the new view is in place (Ctrl+C drops what was built and changes nothing).")
        {
            View,
        };
        rebuild.SetSessionAction(RebuildAsync);
        return new Command("views", "The server's views of the record (admin only).") { rebuild };
    }

    private static async Task RebuildAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        // a rebuild reads the whole log: no deadline but the caller's patience, as a full log check
        var response = await session.Views.RebuildViewAsync(new RebuildViewRequest { View = parsed.GetRequiredValue(View) }, new CallOptions(cancellationToken: cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        session.Out.MarkupLineInterpolated($"[green]The {response.View} view was built again and is in place:[/] it has applied the log up to position {response.Checkpoint.ToString(CultureInfo.InvariantCulture)}.");
    }
}
