using EventDialogue.Api.V1;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// What the recording scenario sends: one source, dialogue and round first, then statements about that round; and, before
/// those are measured, warm-up statements about a round of their own, so that the measured round starts empty.
/// </summary>
internal static class RecordingWorkload
{
    private const string SourceId = "benchmark-briefing";
    private const string Topic = "rule of law";

    // about 600 bytes of statement, the size the issue measured with
    private static readonly string Text = string.Join(' ', Enumerable.Repeat("The discussions were candid and constructive, including a range of areas where we disagree about the rule of law.", 5));

    private const string RoundId = "benchmark-round";
    private const string WarmupRoundId = "benchmark-warmup-round";

    /// <returns>The round the measured statements are about, and the round the warm-up's are about.</returns>
    public static async Task<(string Round, string WarmupRound)> PrepareRoundsAsync(GrpcChannel channel, CancellationToken cancellationToken)
    {
        var recording = new RecordingService.RecordingServiceClient(channel);
        var citation = new Citation { SourceId = SourceId };
        await recording.RegisterSourceAsync(
            new RegisterSourceRequest { RequestId = "benchmark-source", SourceId = SourceId, Title = "Benchmark briefing", Kind = "transcript", Publisher = "benchmark", Published = "2010-05-14", Reliability = "A" },
            cancellationToken: cancellationToken).ResponseAsync;
        await recording.EstablishDialogueAsync(
            new EstablishDialogueRequest { RequestId = "benchmark-dialogue", DialogueId = "benchmark", Name = "Benchmark dialogue", Parties = { "us", "cn" }, Source = citation },
            cancellationToken: cancellationToken).ResponseAsync;
        await recording.HoldRoundAsync(
            new HoldRoundRequest { RequestId = "benchmark-round", RoundId = RoundId, DialogueId = "benchmark", Dates = "2010-05-13/2010-05-14", Place = "Washington, DC", Source = citation },
            cancellationToken: cancellationToken).ResponseAsync;
        await recording.HoldRoundAsync(
            new HoldRoundRequest { RequestId = "benchmark-warmup-round", RoundId = WarmupRoundId, DialogueId = "benchmark", Dates = "2010-05-12", Place = "Washington, DC", Source = citation },
            cancellationToken: cancellationToken).ResponseAsync;
        return (RoundId, WarmupRoundId);
    }

    public static RecordStatementRequest Statement(string roundId, long index) => Statement(roundId, $"benchmark-statement-{index}", $"s{index:D7}", index);

    /// <summary>A statement of the warm-up: ids of its own, the same shape and topic as the measured ones.</summary>
    public static RecordStatementRequest WarmupStatement(string roundId, long index) => Statement(roundId, $"benchmark-warmup-{index}", $"w{index:D7}", index);

    private static RecordStatementRequest Statement(string roundId, string requestId, string statementId, long index) => new()
    {
        RequestId = requestId,
        StatementId = statementId,
        Speaker = $"Speaker {index % 23}",
        Side = index % 2 == 0 ? "us" : "cn",
        Setting = "briefing",
        Said = "2010-05-14",
        Text = Text,
        Exact = true,
        Topics = { Topic },
        RoundId = roundId,
        Source = new Citation { SourceId = SourceId },
    };

    /// <summary>Waits until every view a statement lands in has applied the write at <paramref name="position"/>.</summary>
    public static async Task WaitForViewsAsync(GrpcChannel channel, long position, CancellationToken cancellationToken)
    {
        var views = new ViewsService.ViewsServiceClient(channel);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
        await views.ListStatementsAsync(new ListStatementsRequest { PageSize = 1, MinPosition = position }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        await views.GetTopicAsync(new GetTopicRequest { Topic = Topic, MinPosition = position }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        await views.GetRoundAsync(new GetRoundRequest { RoundId = RoundId, MinPosition = position }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
    }
}
