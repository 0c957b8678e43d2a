using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Sources;

public abstract record SourceCommand(string SourceId) : IDomainCommand
{
    public string Stream => Streams.Source(SourceId);

    public IEnumerable<string> References => [];
}

public sealed record RegisterSource(
    string SourceId,
    string Title,
    string Kind,
    string? Publisher = null,
    string? Published = null,
    string? Address = null,
    string? Reliability = null) : SourceCommand(SourceId);
