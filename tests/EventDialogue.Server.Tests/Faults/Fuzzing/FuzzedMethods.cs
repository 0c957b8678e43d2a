using EventDialogue.Api.V1;
using Google.Api;
using Google.Protobuf.Reflection;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>Every RPC of the public API, read from the generated descriptors, so that a new RPC is fuzzed without a test change.</summary>
internal static class FuzzedMethods
{
    public static IReadOnlyList<MethodDescriptor> All { get; } =
        [.. RecordingService.Descriptor.Methods, .. ViewsService.Descriptor.Methods];

    /// <summary>The JSON/HTTP route transcoding serves the method on (google.api.http), if any.</summary>
    public static HttpRule? Route(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { PatternCase: not HttpRule.PatternOneofCase.None } rule ? rule : null;
}
