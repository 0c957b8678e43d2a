using System.Diagnostics;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Xunit.Abstractions;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>
/// Random and mutated protobuf bytes to every RPC of the gRPC endpoint, in turn, for a bounded number of rounds: every
/// answer is a decision of the server (never INTERNAL or UNKNOWN), the server stays up, and a refused call leaves the
/// log's head where it was. The seed is printed; EVENTDIALOGUE_FAULTS_SEED replays a run, EVENTDIALOGUE_FAULTS_FUZZ_ROUNDS
/// makes it longer.
/// </summary>
public abstract class GrpcFuzzContract(RecordingServer server, ITestOutputHelper output)
{
    private const int RoundsInTheSuite = 6;
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(3);
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    [Fact]
    public async Task Given_random_and_mutated_messages_to_every_grpc_method_then_each_answer_is_a_decision_and_refused_calls_record_nothing()
    {
        var seed = FaultRunSettings.Seed();
        output.WriteLine($"gRPC fuzz: seed {seed} (rerun with {FaultRunSettings.SeedVariable}={seed})");
        var random = new Random(seed);
        var (messages, mutations) = (new RandomMessages(random), new ProtobufMutations(random));
        // One event in the log first, so that a read's min_position of 1 is already reached rather than waited for.
        await server.Client.RegisterSourceAsync(Valid.Source(Valid.Id("fuzz-source")), deadline: DateTime.UtcNow + Timeouts.Call);
        using var channel = server.Process.CreateChannel();
        var invoker = channel.CreateCallInvoker();
        var answers = new Dictionary<StatusCode, int>();
        var rounds = FaultRunSettings.FuzzRounds(RoundsInTheSuite);
        var clock = Stopwatch.StartNew();
        var calls = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var method in FuzzedMethods.All)
            {
                var wellFormed = messages.Next(method.InputType).ToByteArray();
                var payload = random.Next(4) == 0 ? wellFormed : mutations.Mutate(wellFormed, method.InputType);
                var headBefore = await server.Store.ReadHeadPositionAsync();
                var (code, detail) = await CallAsync(invoker, method, payload);
                calls++;
                answers[code] = answers.GetValueOrDefault(code) + 1;
                var call = $"seed {seed}, call {calls}: {method.FullName} with bytes {Convert.ToHexString(payload)} answered {code} '{detail}'";
                Assert.True(FuzzAnswers.IsDecision(code, detail), $"{call}. Server output:\n{server.Process.Output}");
                if (code != StatusCode.OK)
                {
                    Assert.True(await server.Store.ReadHeadPositionAsync() == headBefore, $"{call}, yet the log's head moved from {headBefore}");
                }
            }
        }

        Assert.False(server.Process.HasExited, $"the server exited. Output:\n{server.Process.Output}");
        await server.Process.WaitUntilServingAsync(Timeouts.ServerStart);
        output.WriteLine($"gRPC fuzz: {calls} calls to {FuzzedMethods.All.Count} methods in {clock.Elapsed.TotalSeconds:F0} s; answers {string.Join(", ", answers.OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value}"))}");
    }

    private static async Task<(StatusCode Code, string Detail)> CallAsync(CallInvoker invoker, MethodDescriptor method, byte[] payload)
    {
        var raw = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Raw, Raw);
        try
        {
            await invoker.AsyncUnaryCall(raw, null, new CallOptions(deadline: DateTime.UtcNow + CallDeadline), payload);
            return (StatusCode.OK, "");
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail);
        }
    }
}

[Collection(SqliteFuzzGroup.Name)]
public sealed class SqliteGrpcFuzzTests(SqliteRecordingServer server, ITestOutputHelper output) : GrpcFuzzContract(server, output);

[Collection(PostgresFuzzGroup.Name)]
public sealed class PostgresGrpcFuzzTests(PostgresRecordingServer server, ITestOutputHelper output) : GrpcFuzzContract(server, output);
