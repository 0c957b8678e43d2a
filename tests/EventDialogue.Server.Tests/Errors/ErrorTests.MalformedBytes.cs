using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Errors;

public sealed partial class ErrorTests
{
    private const string NotParsed = "could not be parsed as";

    public static TheoryData<string, string> EveryMethod()
    {
        var methods = new TheoryData<string, string>();
        foreach (var service in new[] { RecordingService.Descriptor, ViewsService.Descriptor })
        {
            foreach (var method in service.Methods)
            {
                methods.Add(service.FullName, method.Name);
            }
        }

        return methods;
    }

    [Fact]
    public async Task Truncated_bytes_are_refused_as_INVALID_ARGUMENT_saying_the_message_could_not_be_parsed_and_record_nothing()
    {
        var headBefore = await server.Store.ReadHeadPositionAsync();
        var whole = AnyStatement().ToByteArray();

        var status = await GrpcRefusals.RefusedAsync(
            StatusCode.InvalidArgument,
            () => RawCalls.SendAsync(_channel, RecordingService.Descriptor.FullName, "RecordStatement", whole[..(whole.Length - 3)]));

        Assert.Contains($"{NotParsed} eventdialogue.v1.RecordStatementRequest", status.Message, StringComparison.Ordinal);
        Assert.Equal("UNPARSABLE_REQUEST", status.GetDetail<ErrorInfo>()?.Reason);
        Assert.NotNull(status.GetDetail<BadRequest>());
        Assert.Equal(headBefore, await server.Store.ReadHeadPositionAsync());
    }

    [Fact]
    public async Task A_string_field_of_invalid_UTF8_is_refused_as_INVALID_ARGUMENT_saying_so()
    {
        // Field 1 (statement_id), length-delimited, two bytes: 0xC3 starts a two-byte sequence that 0x28 does not continue.
        byte[] invalidUtf8 = [0x0A, 0x02, 0xC3, 0x28];

        var status = await GrpcRefusals.RefusedAsync(
            StatusCode.InvalidArgument,
            () => RawCalls.SendAsync(_channel, ViewsService.Descriptor.FullName, "GetStatement", invalidUtf8));

        Assert.Contains($"{NotParsed} eventdialogue.v1.GetStatementRequest", status.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryMethod))]
    public async Task Random_bytes_to_any_method_are_refused_as_INVALID_ARGUMENT_never_UNKNOWN(string service, string method)
    {
        // A zero tag is never valid protobuf; random bytes after it, the same on every run, make the rest arbitrary.
        var random = new Random(HashCode.Combine(method.Length, method[0]));
        var bytes = new byte[17];
        random.NextBytes(bytes);
        bytes[0] = 0x00;

        var status = await GrpcRefusals.RefusedAsync(StatusCode.InvalidArgument, () => RawCalls.SendAsync(_channel, service, method, bytes));

        Assert.Contains(NotParsed, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unparsable_request_is_logged_once_in_one_line_without_a_stack_trace()
    {
        byte[] truncated = [0x0A, 0x10, 0x61];

        await Assert.ThrowsAsync<RpcException>(() => RawCalls.SendAsync(_channel, ViewsService.Descriptor.FullName, "GetTopic", truncated));

        // Only this test sends GetTopic bytes that end too early.
        const string line = "/eventdialogue.v1.ViewsService/GetTopic refused: InvalidArgument the request could not be parsed as eventdialogue.v1.GetTopicRequest: While parsing a protocol message, the input ended unexpectedly";
        await Log.WaitForAsync(text => text.Contains(line, StringComparison.Ordinal), Timeouts.Call);
        var log = Log.ToString();
        Assert.Single(log.Split('\n'), l => l.Contains(line, StringComparison.Ordinal));
        Assert.DoesNotContain("InvalidProtocolBufferException", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception was thrown by handler", log, StringComparison.Ordinal);
    }

    private static RecordStatementRequest AnyStatement() =>
        Valid.Statement(Valid.Id("statement"), Valid.Id("source"));
}
