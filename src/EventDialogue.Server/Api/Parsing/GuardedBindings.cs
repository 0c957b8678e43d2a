using Grpc.Core;
using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using AnalysisRpc = EventDialogue.Api.V1.AnalysisService;
using AuditRpc = EventDialogue.Api.V1.AuditService;
using HistoryRpc = EventDialogue.Api.V1.HistoryService;
using KeysRpc = EventDialogue.Api.V1.KeysService;
using RecordingRpc = EventDialogue.Api.V1.RecordingService;
using ViewsRpc = EventDialogue.Api.V1.ViewsService;

namespace EventDialogue.Server.Api.Parsing;

// gRPC, JSON transcoding and reflection find how to bind a service through its [BindServiceMethod] attribute, and read
// the service's descriptor from the type that declares the bind method: hence a Descriptor beside each BindService.

/// <summary>Binds the recording service with <see cref="ParseGuardedBinder"/>.</summary>
public static class RecordingServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => RecordingRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, RecordingRpc.RecordingServiceBase service) =>
        RecordingRpc.BindService(new ParseGuardedBinder(binder), service);
}

/// <summary>Binds the views service with <see cref="ParseGuardedBinder"/>.</summary>
public static class ViewsServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => ViewsRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, ViewsRpc.ViewsServiceBase service) =>
        ViewsRpc.BindService(new ParseGuardedBinder(binder), service);
}

/// <summary>Binds the history service with <see cref="ParseGuardedBinder"/>.</summary>
public static class HistoryServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => HistoryRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, HistoryRpc.HistoryServiceBase service) =>
        HistoryRpc.BindService(new ParseGuardedBinder(binder), service);
}

/// <summary>Binds the audit service with <see cref="ParseGuardedBinder"/>.</summary>
public static class AuditServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => AuditRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, AuditRpc.AuditServiceBase service) =>
        AuditRpc.BindService(new ParseGuardedBinder(binder), service);
}

/// <summary>Binds the keys service with <see cref="ParseGuardedBinder"/>.</summary>
public static class KeysServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => KeysRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, KeysRpc.KeysServiceBase service) =>
        KeysRpc.BindService(new ParseGuardedBinder(binder), service);
}

/// <summary>Binds the analysis service with <see cref="ParseGuardedBinder"/>.</summary>
public static class AnalysisServiceBinding
{
    public static ProtoServiceDescriptor Descriptor => AnalysisRpc.Descriptor;

    public static void BindService(ServiceBinderBase binder, AnalysisRpc.AnalysisServiceBase service) =>
        AnalysisRpc.BindService(new ParseGuardedBinder(binder), service);
}
