using EventDialogue.Server.Api.Parsing;
using Grpc.Core;
using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using FeaturesRpc = EventDialogue.Server.EventStoreDb.Protocol.ServerFeatures;
using StreamsRpc = EventDialogue.Server.EventStoreDb.Protocol.Streams;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>Binds EventStoreDB's streams service with <see cref="ParseGuardedBinder"/>, as our own services are.</summary>
public static class StreamsServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => StreamsRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, StreamsRpc.StreamsBase service) =>
        StreamsRpc.BindService(new ParseGuardedBinder(binder), service);
}

/// <summary>Binds EventStoreDB's server-features service with <see cref="ParseGuardedBinder"/>.</summary>
public static class ServerFeaturesServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => FeaturesRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, FeaturesRpc.ServerFeaturesBase service) =>
        FeaturesRpc.BindService(new ParseGuardedBinder(binder), service);
}
