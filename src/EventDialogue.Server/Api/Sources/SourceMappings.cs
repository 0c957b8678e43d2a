using EventDialogue.Api.V1;
using EventDialogue.Domain.Sources;
using EventDialogue.Server.Api.Common;

namespace EventDialogue.Server.Api.Sources;

internal static class SourceMappings
{
    public static RegisterSource ToCommand(this RegisterSourceRequest r) => new(
        r.SourceId,
        r.Title,
        r.Kind,
        r.Publisher.NullIfEmpty(),
        r.Published.NullIfEmpty(),
        r.Address.NullIfEmpty(),
        r.Reliability.NullIfEmpty());
}
