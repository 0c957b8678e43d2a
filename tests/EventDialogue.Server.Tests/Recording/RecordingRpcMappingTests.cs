extern alias server;

using System.Reflection;
using Google.Protobuf.Reflection;
using IRecordingRequest = server::EventDialogue.Server.Api.Common.IRecordingRequest;
using RecordingRpc = server::EventDialogue.Api.V1.RecordingService;
using RecordingService = server::EventDialogue.Server.Api.RecordingService;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// A recording RPC is its proto, its request's command (the request's <see cref="IRecordingRequest"/>, beside its
/// feature's mappings) and a generated method: these check, from the service's descriptor, that none is forgotten.
/// </summary>
public sealed class RecordingRpcMappingTests
{
    /// <summary>The RPCs that answer with one write result: the ones that record a single request.</summary>
    public static TheoryData<string> RecordingRpcs() =>
        [.. RecordingRpc.Descriptor.Methods.Where(AnswersWithOneWriteResult).Select(method => method.Name)];

    [Fact]
    public void The_recording_service_has_recording_rpcs_to_check() =>
        Assert.True(RecordingRpcs().Count >= 26, $"only {RecordingRpcs().Count} RPCs answer with a write result");

    [Theory]
    [MemberData(nameof(RecordingRpcs))]
    public void A_recording_rpcs_request_carries_the_command_it_records(string rpc)
    {
        var request = Method(rpc).InputType.ClrType;

        Assert.True(
            typeof(IRecordingRequest).IsAssignableFrom(request),
            $"{request.Name} does not say what it records: declare it 'partial class {request.Name} : IRecordingRequest' beside its feature's mappings");
    }

    [Theory]
    [MemberData(nameof(RecordingRpcs))]
    public void A_recording_rpc_is_served_by_the_recording_service_not_left_unimplemented(string rpc)
    {
        var method = Method(rpc);
        var served = typeof(RecordingService).GetMethod(
            rpc,
            BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly,
            [method.InputType.ClrType, typeof(Grpc.Core.ServerCallContext)]);

        Assert.NotNull(served);
    }

    private static MethodDescriptor Method(string name) => RecordingRpc.Descriptor.FindMethodByName(name);

    private static bool AnswersWithOneWriteResult(MethodDescriptor method) =>
        method.OutputType.FindFieldByName("result") is { IsRepeated: false, FieldType: FieldType.Message } result
        && result.MessageType.FullName == "eventdialogue.v1.WriteResult";
}
