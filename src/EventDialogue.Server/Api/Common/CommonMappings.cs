using EventDialogue.Server.Recording;
using ApiCitation = EventDialogue.Api.V1.Citation;
using DomainCitation = EventDialogue.Domain.Common.Citation;
using WriteResult = EventDialogue.Api.V1.WriteResult;

namespace EventDialogue.Server.Api.Common;

internal static class CommonMappings
{
    /// <summary>Proto3 strings cannot be absent, so an empty one is how a client leaves an optional field out.</summary>
    public static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;

    public static DomainCitation? ToDomain(this ApiCitation? citation) =>
        citation is null ? null : new DomainCitation(citation.SourceId, citation.Quote.NullIfEmpty(), citation.Locator.NullIfEmpty());

    /// <summary>
    /// For commands whose citation is required: a missing one is passed on as null, since the decider refuses it
    /// with the field named, as it does every other missing field.
    /// </summary>
    public static DomainCitation Required(this ApiCitation? citation) => citation.ToDomain()!;

    public static WriteResult ToWriteResult(this Recorded recorded) => new()
    {
        Stream = recorded.Stream,
        Revision = recorded.Revision,
        Position = recorded.Position,
        EventCount = recorded.EventCount,
        Replayed = recorded.Replayed,
    };
}
