using EventDialogue.Api.V1;
using EventDialogue.Server.Api.Errors;
using Google.Protobuf.Reflection;

namespace EventDialogue.Server.Api;

/// <summary>
/// The messages JSON transcoding must know by name to read and write them inside an Any: the details errors carry,
/// and the recording requests a CheckRequests body packs.
/// </summary>
public static class TranscodingTypes
{
    public static TypeRegistry Registry { get; } = TypeRegistry.FromMessages([.. ErrorMapping.DetailTypes, .. RecordingReflection.Descriptor.MessageTypes]);
}
