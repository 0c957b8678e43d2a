using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace EventDialogue.Server.Tests.Access;

/// <summary>One RPC the server serves, with its JSON routes.</summary>
public sealed record ServedRpc(string Service, string Method, bool ClientStreaming, bool ServerStreaming, IReadOnlyList<HttpRule> Routes)
{
    public string FullName => $"{Service}/{Method}";

    public override string ToString() => FullName;
}

/// <summary>
/// Every RPC of every service the server maps, as its own reflection service describes them: a service mapped
/// later is in the list without anyone writing it down.
/// </summary>
internal static class ServedRpcs
{
    private static readonly MessageParser<FileDescriptorProto> Files = FileDescriptorProto.Parser.WithExtensionRegistry([AnnotationsExtensions.Http]);

    public static async Task<IReadOnlyList<ServedRpc>> ReadAsync(GrpcChannel channel)
    {
        var reflection = new ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo(deadline: DateTime.UtcNow + Hosting.Timeouts.Call);
        var services = (await AskAsync(call, new ServerReflectionRequest { ListServices = string.Empty })).ListServicesResponse.Service.Select(s => s.Name).ToList();
        var rpcs = new List<ServedRpc>();
        foreach (var service in services)
        {
            var answer = await AskAsync(call, new ServerReflectionRequest { FileContainingSymbol = service });
            var declared = answer.FileDescriptorResponse.FileDescriptorProto.Select(Files.ParseFrom)
                .SelectMany(file => file.Service.Select(s => (Name: string.IsNullOrEmpty(file.Package) ? s.Name : $"{file.Package}.{s.Name}", Service: s)))
                .First(s => s.Name == service).Service;
            rpcs.AddRange(declared.Method.Select(m => new ServedRpc(
                service, m.Name, m.ClientStreaming, m.ServerStreaming,
                m.Options?.GetExtension(AnnotationsExtensions.Http) is { } rule ? [rule, .. rule.AdditionalBindings] : [])));
        }

        await call.RequestStream.CompleteAsync();
        return rpcs;
    }

    private static async Task<ServerReflectionResponse> AskAsync(AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call, ServerReflectionRequest request)
    {
        await call.RequestStream.WriteAsync(request);
        Assert.True(await call.ResponseStream.MoveNext(), $"reflection did not answer {request}");
        return call.ResponseStream.Current;
    }
}
