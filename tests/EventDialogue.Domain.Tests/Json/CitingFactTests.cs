using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Tests.Json;

/// <summary>The history lifts each event's citation through <see cref="ICitingFact"/>: no event that cites a source may leave it out.</summary>
public sealed class CitingFactTests
{
    public static TheoryData<string> EventTypeNames => [.. EventTypes.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EventTypeNames))]
    public void An_event_with_a_source_citation_is_a_citing_fact(string typeName)
    {
        var type = EventTypes.All[typeName];
        var citesASource = type.GetProperty(nameof(ICitingFact.Source))?.PropertyType == typeof(Citation);

        Assert.Equal(citesASource, typeof(ICitingFact).IsAssignableFrom(type));
    }

    [Fact]
    public void Most_events_cite_a_source()
    {
        Assert.True(EventTypes.All.Values.Count(typeof(ICitingFact).IsAssignableFrom) >= 20, "Fewer than 20 event types are citing facts: has the interface been dropped from the events?");
    }
}
