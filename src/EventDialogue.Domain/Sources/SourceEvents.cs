using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Sources;

/// <summary>A document or broadcast that recorded facts cite.</summary>
/// <param name="Kind">document, transcript, article, broadcast, editorial, wire-story, …</param>
/// <param name="Reliability">A grade for how far the source can be trusted (A–F, as in intelligence-style grading).</param>
[EventType("SourceRegistered")]
public sealed record SourceRegistered(
    string SourceId,
    string Title,
    string? Publisher,
    string? Published,
    string Kind,
    string? Address,
    string? Reliability) : IDomainEvent;
