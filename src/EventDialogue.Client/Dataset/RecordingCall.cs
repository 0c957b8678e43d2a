using EventDialogue.Api.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace EventDialogue.Client.Dataset;

/// <summary>
/// A RecordingService call that a dataset entry can name, by its name in kebab-case ("HoldRound" is "hold-round").
/// Built from the service's descriptor, so every call that records (answers with a WriteResult) is available and none
/// is listed by hand.
/// </summary>
public sealed class RecordingCall
{
    private static readonly IReadOnlyDictionary<string, RecordingCall> ByName =
        RecordingService.Descriptor.Methods
            .Where(method => method.OutputType.FindFieldByName("result")?.MessageType == WriteResult.Descriptor)
            .Select(method => new RecordingCall(method))
            .ToDictionary(call => call.Name, StringComparer.Ordinal);

    private readonly Method<IMessage, IMessage> _method;

    private RecordingCall(MethodDescriptor method)
    {
        Name = KebabCase(method.Name);
        RequestType = method.InputType;
        _method = new Method<IMessage, IMessage>(
            MethodType.Unary,
            RecordingService.Descriptor.FullName,
            method.Name,
            Marshallers.Create<IMessage>(message => message.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(message => message.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
    }

    public string Name { get; }

    public MessageDescriptor RequestType { get; }

    public static IEnumerable<string> Names => ByName.Keys.Order(StringComparer.Ordinal);

    public static RecordingCall? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Sends the request; the answer's WriteResult says where the events went, or that it was a replay.</summary>
    public async Task<WriteResult> SendAsync(CallInvoker invoker, IMessage request, CallOptions options)
    {
        var response = await invoker.AsyncUnaryCall(_method, null, options, request).ResponseAsync.ConfigureAwait(false);
        return (WriteResult)response.Descriptor.FindFieldByName("result").Accessor.GetValue(response);
    }

    private static string KebabCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
