using System.Diagnostics;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Xunit.Abstractions;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>
/// Mutated JSON bodies, path variables and query strings to every transcoded route of the JSON/HTTP endpoint, in turn,
/// for a bounded number of rounds: never a 500 (transcoding's answer for INTERNAL and UNKNOWN), the server stays up,
/// and a refused call leaves the log's head where it was. The seed is printed; EVENTDIALOGUE_FAULTS_SEED replays a
/// run, EVENTDIALOGUE_FAULTS_FUZZ_ROUNDS makes it longer.
/// </summary>
public abstract class JsonFuzzContract(RecordingServer server, ITestOutputHelper output)
{
    private const int RoundsInTheSuite = 6;

    [Fact]
    public async Task Given_mutated_json_bodies_and_query_strings_to_every_transcoded_route_then_none_answers_500_and_refused_calls_record_nothing()
    {
        var seed = FaultRunSettings.Seed();
        output.WriteLine($"JSON fuzz: seed {seed} (rerun with {FaultRunSettings.SeedVariable}={seed})");
        var random = new Random(seed);
        var (messages, requests) = (new RandomMessages(random), new TranscodedRequests(random));
        var routes = FuzzedMethods.All.Select(method => (Method: method, Rule: FuzzedMethods.Route(method))).Where(r => r.Rule is not null).ToList();
        Assert.True(routes.Count == FuzzedMethods.All.Count, $"methods without a JSON route: {string.Join(", ", FuzzedMethods.All.Where(m => FuzzedMethods.Route(m) is null).Select(m => m.Name))}");
        // One event in the log first, so that a read's min_position of 1 is already reached rather than waited for.
        await server.Client.RegisterSourceAsync(Valid.Source(Valid.Id("fuzz-source")), deadline: DateTime.UtcNow + Timeouts.Call);
        using var http = server.NewJsonClient();
        var answers = new Dictionary<int, int>();
        var rounds = FaultRunSettings.FuzzRounds(RoundsInTheSuite);
        var clock = Stopwatch.StartNew();
        var calls = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (method, rule) in routes)
            {
                using var request = requests.Create(rule!, messages.Next(method.InputType));
                var sent = $"{request.Method} {request.RequestUri} {(request.Content is null ? "" : Convert.ToHexString(await request.Content.ReadAsByteArrayAsync()))}";
                var headBefore = await server.Store.ReadHeadPositionAsync();
                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request);
                }
                catch (TaskCanceledException e)
                {
                    throw new TimeoutException($"seed {seed}, call {calls + 1}: {method.Name}: {sent} had no answer within {http.Timeout}", e);
                }

                using var answered = response;
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                calls++;
                answers[status] = answers.GetValueOrDefault(status) + 1;
                var call = $"seed {seed}, call {calls}: {method.Name}: {sent} answered {status} {body}";
                Assert.True(FuzzAnswers.IsDecision(status, body), $"{call}. Server output:\n{server.Process.Output}");
                if (!response.IsSuccessStatusCode)
                {
                    Assert.True(await server.Store.ReadHeadPositionAsync() == headBefore, $"{call}, yet the log's head moved from {headBefore}");
                }
            }
        }

        Assert.False(server.Process.HasExited, $"the server exited. Output:\n{server.Process.Output}");
        await server.Process.WaitUntilServingAsync(Timeouts.ServerStart);
        output.WriteLine($"JSON fuzz: {calls} requests to {routes.Count} routes in {clock.Elapsed.TotalSeconds:F0} s; answers {string.Join(", ", answers.OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value}"))}");
    }
}

[Collection(SqliteFuzzGroup.Name)]
public sealed class SqliteJsonFuzzTests(SqliteRecordingServer server, ITestOutputHelper output) : JsonFuzzContract(server, output);

[Collection(PostgresFuzzGroup.Name)]
public sealed class PostgresJsonFuzzTests(PostgresRecordingServer server, ITestOutputHelper output) : JsonFuzzContract(server, output);
