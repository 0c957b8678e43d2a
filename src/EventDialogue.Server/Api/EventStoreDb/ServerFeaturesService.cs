using EventDialogue.Server.EventStoreDb.Protocol;
using Grpc.Core;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// What EventStoreDB's clients ask first: which methods this server offers. Only Read is listed. Its clients choose
/// how to append from this list, and with BatchAppend absent they fall back to Append, which answers with our refusal.
/// </summary>
[BindServiceMethod(typeof(ServerFeaturesServiceBinding), nameof(ServerFeaturesServiceBinding.BindService))]
public sealed class ServerFeaturesService : ServerFeatures.ServerFeaturesBase
{
    // Not an EventStoreDB version: clients only show it, and a made-up EventStoreDB number would mislead whoever reads it.
    public const string ServerVersion = "0.0.0-eventdialogue";

    private static readonly SupportedMethods Supported = new()
    {
        EventStoreServerVersion = ServerVersion,
        Methods =
        {
            new SupportedMethod { ServiceName = Streams.Descriptor.FullName.ToLowerInvariant(), MethodName = "read" },
        },
    };

    public override Task<SupportedMethods> GetSupportedMethods(Empty request, ServerCallContext context) => Task.FromResult(Supported);
}
