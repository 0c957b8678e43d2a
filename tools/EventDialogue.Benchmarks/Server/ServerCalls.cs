using EventDialogue.Api.V1;
using EventDialogue.Benchmarks.Workload;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Server;

/// <summary>Typical view reads, the near-empty call they are compared with and the health Check, on one channel to the server.</summary>
internal sealed class ServerCalls(GrpcChannel channel, LoadedHistory history)
{
    /// <summary>Words of the generated statements' topics: each matches about one statement in seven.</summary>
    private static readonly string[] SearchedWords = ["religious freedom", "labor rights", "internet freedom", "racial discrimination", "multilateral cooperation"];

    private readonly ViewsService.ViewsServiceClient _views = new(channel);
    private readonly AnalysisService.AnalysisServiceClient _analysis = new(channel);
    private readonly Health.HealthClient _health = new(channel);
    private readonly ServerReflection.ServerReflectionClient _reflection = new(channel);

    /// <summary>
    /// The reference: server reflection's ListServices, answered from the list of mapped services. No store, no health
    /// check, no error path and nothing logged: the transport, Kestrel, routing and gRPC framing, and a few bytes back.
    /// It is a bidirectional stream, but one request and one response make the same HTTP/2 frames as a unary call.
    /// </summary>
    public TimedCall Empty => EmptyOn(_reflection);

    /// <summary>The near-empty call on any channel, for a scenario with no history of its own.</summary>
    public static TimedCall EmptyOn(GrpcChannel channel) => EmptyOn(new ServerReflection.ServerReflectionClient(channel));

    /// <summary>
    /// The floor of a large answer: server reflection's descriptors of the views' proto file and what it imports, about
    /// as many bytes as a round's answer, kept serialized by the server. No store and no serializing: what moving that
    /// many bytes through the transport costs, which no read of a view that large can go below.
    /// </summary>
    public TimedCall LargeEmpty => new("floor: reflection, the views' proto descriptors", async (_, token) =>
    {
        using var call = _reflection.ServerReflectionInfo(cancellationToken: token);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = ViewsService.Descriptor.FullName }, token);
        await call.RequestStream.CompleteAsync();
        var bytes = 0;
        while (await call.ResponseStream.MoveNext(token))
        {
            bytes += call.ResponseStream.Current.CalculateSize();
        }

        return bytes;
    });

    /// <summary>
    /// The gRPC health Check a load balancer sends. Not empty here: the server runs its health checks on every call
    /// (Grpc.AspNetCore.HealthChecks does unless told to use cached results), and one of them reads the store's head.
    /// </summary>
    public TimedCall HealthCheck => new("health Check (reads the store's head)", async (_, token) =>
        (await _health.CheckAsync(new HealthCheckRequest(), cancellationToken: token).ResponseAsync).CalculateSize());

    public IReadOnlyList<TimedCall> ViewReads =>
    [
        new("GetRound", async (i, token) =>
            (await _views.GetRoundAsync(new GetRoundRequest { RoundId = RoundId(i) }, cancellationToken: token).ResponseAsync).CalculateSize()),
        new("GetCaseFile", async (i, token) =>
            (await _views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = CaseId(i) }, cancellationToken: token).ResponseAsync).CalculateSize()),
        new("ListCommitments, first page of 20", async (_, token) =>
            (await _views.ListCommitmentsAsync(new ListCommitmentsRequest { PageSize = 20 }, cancellationToken: token).ResponseAsync).CalculateSize()),
        new("ListStatements, full-text query, page of 20", async (i, token) =>
            (await _views.ListStatementsAsync(new ListStatementsRequest { PageSize = 20, Query = SearchedWords[i % SearchedWords.Length] }, cancellationToken: token).ResponseAsync).CalculateSize()),

        // The same words and matches, but a query no call asked before (it also excludes a word no statement holds), so
        // that no ranking of it is kept: what a search costs the first time.
        new("ListStatements, a full-text query not asked before, page of 20", async (i, token) =>
            (await _views.ListStatementsAsync(new ListStatementsRequest { PageSize = 20, Query = $"{SearchedWords[i % SearchedWords.Length]} -unasked{Guid.NewGuid():N}" }, cancellationToken: token).ResponseAsync).CalculateSize()),

        // Every commitment of the history assessed and counted, by round, every kind: the whole tracker on each call.
        new("GetScorecard, by round, every commitment", async (_, token) =>
            (await _analysis.GetScorecardAsync(new GetScorecardRequest { GroupBy = "round", IncludeAllKinds = true }, cancellationToken: token).ResponseAsync).CalculateSize()),
    ];

    /// <summary>Waits until each view read above has applied the whole history (read-your-writes on the last append).</summary>
    public async Task WaitForViewsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var head = history.Head.Value;
        await _views.GetRoundAsync(new GetRoundRequest { RoundId = RoundId(0), MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        await _views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = CaseId(0), MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        await _views.ListCommitmentsAsync(new ListCommitmentsRequest { MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        await _views.ListStatementsAsync(new ListStatementsRequest { MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        await _analysis.GetScorecardAsync(new GetScorecardRequest { MinPosition = head }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
    }

    private static TimedCall EmptyOn(ServerReflection.ServerReflectionClient reflection) => new("empty: reflection ListServices", async (_, token) =>
    {
        using var call = reflection.ServerReflectionInfo(cancellationToken: token);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, token);
        await call.RequestStream.CompleteAsync();
        var bytes = 0;
        while (await call.ResponseStream.MoveNext(token))
        {
            bytes += call.ResponseStream.Current.CalculateSize();
        }

        return bytes;
    });

    // the generator's ids: r0000, r0001, ... and c0000, c0001, ...
    private string RoundId(int i) => $"r{i % history.Shape.Rounds:D4}";

    private string CaseId(int i) => $"c{i % history.Shape.Cases:D4}";
}
