using EventDialogue.Api.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace EventDialogue.Cli.Common;

/// <summary>What a command works with: the server's clients, and where and how to print.</summary>
internal sealed class Session(Uri address, GrpcChannel channel, bool json)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonFormatter JsonFormat = new(JsonFormatter.Settings.Default.WithIndentation());

    public Uri Address { get; } = address;

    public GrpcChannel Channel { get; } = channel;

    public ViewsService.ViewsServiceClient Views { get; } = new(channel);

    public HistoryService.HistoryServiceClient History { get; } = new(channel);

    public AuditService.AuditServiceClient Audit { get; } = new(channel);

    public KeysService.KeysServiceClient Keys { get; } = new(channel);

    public bool Json { get; } = json;

    /// <summary>Tables and text for a person.</summary>
    public IAnsiConsole Out { get; } = Consoles.Standard();

    /// <summary>Progress and messages, kept off stdout so that JSON output stays clean.</summary>
    public IAnsiConsole Err { get; } = Consoles.Error();

    public static CallOptions Call(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);

    public static void WriteJson(IMessage message) => Console.Out.WriteLine(JsonFormat.Format(message));

    /// <summary>One message as one line of JSON, for output that is read line by line (JSON Lines) as it comes.</summary>
    public static void WriteJsonLine(IMessage message) => Console.Out.WriteLine(JsonFormatter.Default.Format(message));
}
