using System.Text.Json;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>Events to append in tests.</summary>
public static class Events
{
    public static EventMetadata Metadata { get; } = new("test-desk", "correlation-1", null, 1);

    public static EventData One(string type = "CaseRaised", object? data = null) =>
        new(Guid.NewGuid(), type, JsonSerializer.Serialize(data ?? new { note = "n" }), Metadata);

    public static EventData[] Some(int count, string type = "CaseRaised") =>
        [.. Enumerable.Range(0, count).Select(i => One(type, new { index = i }))];

    public static EventData WithData(string json) => new(Guid.NewGuid(), "CaseRaised", json, Metadata);
}
