namespace EventDialogue.Server.Api;

/// <summary>
/// Marks a partial gRPC service whose RPCs taking an <see cref="Common.IRecordingRequest"/> are written by the
/// server's source generator (EventDialogue.Server.Generators, RecordingMethodsGenerator): one override per RPC, each
/// handing its request to the service's <c>Record</c>. A new recording RPC then needs no code in the service.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RecordsEveryRecordingRequestAttribute : Attribute;
