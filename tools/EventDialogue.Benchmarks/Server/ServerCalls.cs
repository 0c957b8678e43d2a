using EventDialogue.Api.V1;
using EventDialogue.Benchmarks.Workload;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Server;

/// <summary>Typical view reads, and the near-empty calls they are compared with, on one channel to the server.</summary>
internal sealed class ServerCalls(GrpcChannel channel, LoadedHistory history)
{
    /// <summary>Words of the generated statements' topics: each matches about one statement in seven.</summary>
    private static readonly string[] SearchedWords = ["religious freedom", "labor rights", "internet freedom", "racial discrimination", "multilateral cooperation"];

    private readonly ViewsService.ViewsServiceClient _views = new(channel);
    private readonly Health.HealthClient _health = new(channel);

    /// <summary>
    /// The reference: the gRPC health Check every load balancer sends. It is not quite empty: the server runs its two
    /// health checks, one of which reads the head position from the store.
    /// </summary>
    public TimedCall HealthCheck => new("empty: health Check", async (_, token) =>
        (await _health.CheckAsync(new HealthCheckRequest(), cancellationToken: token)).CalculateSize());

    /// <summary>Health Check for a service the server does not know: refused before any check runs, so no store read at all.</summary>
    public TimedCall UnknownServiceHealthCheck => new("health Check, unknown service (NOT_FOUND)", async (_, token) =>
    {
        try
        {
            await _health.CheckAsync(new HealthCheckRequest { Service = "no-such-service" }, cancellationToken: token);
            throw new InvalidOperationException("the server answered a health Check for an unknown service");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return 0;
        }
    });

    public IReadOnlyList<TimedCall> ViewReads =>
    [
        new("GetRound", async (i, token) =>
            (await _views.GetRoundAsync(new GetRoundRequest { RoundId = RoundId(i) }, cancellationToken: token)).CalculateSize()),
        new("GetCaseFile", async (i, token) =>
            (await _views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = CaseId(i) }, cancellationToken: token)).CalculateSize()),
        new("ListCommitments, first page of 20", async (_, token) =>
            (await _views.ListCommitmentsAsync(new ListCommitmentsRequest { PageSize = 20 }, cancellationToken: token)).CalculateSize()),
        new("ListStatements, full-text query, page of 20", async (i, token) =>
            (await _views.ListStatementsAsync(new ListStatementsRequest { PageSize = 20, Query = SearchedWords[i % SearchedWords.Length] }, cancellationToken: token)).CalculateSize()),
    ];

    /// <summary>Waits until each view read above has applied the whole history (read-your-writes on the last append).</summary>
    public async Task WaitForViewsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var head = history.Head.Value;
        await _views.GetRoundAsync(new GetRoundRequest { RoundId = RoundId(0), MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken);
        await _views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = CaseId(0), MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken);
        await _views.ListCommitmentsAsync(new ListCommitmentsRequest { MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken);
        await _views.ListStatementsAsync(new ListStatementsRequest { MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken);
    }

    // the generator's ids: r0000, r0001, ... and c0000, c0001, ...
    private string RoundId(int i) => $"r{i % history.Shape.Rounds:D4}";

    private string CaseId(int i) => $"c{i % history.Shape.Cases:D4}";
}
