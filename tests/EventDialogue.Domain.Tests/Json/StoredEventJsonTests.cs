using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Statements;
using Snapshooter;
using Snapshooter.Xunit;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Json;

/// <summary>
/// The stored JSON of every event is history: once written it is read back for ever. These tests lock each shape in
/// a snapshot (__snapshots__/), so that a renamed property, a changed type or a new field is a visible, reviewed change.
/// </summary>
public sealed class StoredEventJsonTests
{
    /// <summary>The stable names events are stored under. Adding, renaming or removing an event changes this list.</summary>
    private static readonly string[] StableNames =
    [
        "CaseOpened",
        "CaseRaised",
        "CaseResponseReceived",
        "CaseStatusReported",
        "CommitmentDeclaredBroken",
        "CommitmentFulfilled",
        "CommitmentMade",
        "CommitmentProgressReported",
        "CommitmentRated",
        "CommitmentReaffirmed",
        "CommitmentRescheduled",
        "CommitmentSourcesReviewed",
        "CommitmentWithdrawn",
        "DelegationMemberNamed",
        "DialogueEstablished",
        "DialogueSourcesReviewed",
        "EntryCorrected",
        "EntryRetracted",
        "OutcomeCharacterised",
        "RoundConcluded",
        "RoundHeld",
        "RoundScheduled",
        "SessionHeld",
        "SiteVisited",
        "SourceRegistered",
        "StatementRecorded",
    ];

    public static TheoryData<string> EventTypeNames => [.. EventTypes.All.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void The_event_types_are_exactly_the_expected_stable_names()
    {
        Assert.Equal(StableNames, EventTypes.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_event_type_has_a_realistic_example_to_lock_its_shape()
    {
        Assert.Equal(EventTypes.All.Keys.Order(StringComparer.Ordinal), EveryEventType.Keys.Order(StringComparer.Ordinal));
        Assert.All(EveryEventType, pair => Assert.Equal(pair.Key, EventTypes.NameOf(pair.Value)));
    }

    [Theory]
    [MemberData(nameof(EventTypeNames))]
    public void The_stored_JSON_of_each_event_type_keeps_its_shape(string type)
    {
        var json = DomainEventJson.Serialize(EveryEventType[type]);

        Snapshot.Match(Indented(json), SnapshotNameExtension.Create(type));
    }

    [Fact]
    public void Events_are_stored_as_compact_JSON_objects()
    {
        Assert.All(EveryEventType.Values, fact =>
        {
            var json = DomainEventJson.Serialize(fact);
            Assert.StartsWith("{\"", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(EventTypeNames))]
    public void Each_event_reads_back_as_it_was_written(string type)
    {
        var fact = EveryEventType[type];
        var json = DomainEventJson.Serialize(fact);

        var back = DomainEventJson.Deserialize(type, json);

        Assert.IsType(fact.GetType(), back);
        Assert.Equal(json, DomainEventJson.Serialize(back));
    }

    [Fact]
    public void Property_names_are_snake_case_and_absent_values_are_written_as_null()
    {
        using var stored = JsonDocument.Parse(DomainEventJson.Serialize(ChenXuNamed));

        Assert.Equal(
            ["side", "name", "title", "agency", "leads", "source"],
            stored.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["source_id", "quote", "locator"], stored.RootElement.GetProperty("source").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(DomainEventJson.Serialize(MemberRetracted)).RootElement.GetProperty("source").ValueKind);
    }

    [Fact]
    public void Names_in_Chinese_script_and_typographic_quotes_are_stored_as_they_are()
    {
        var json = DomainEventJson.Serialize(LiuXiaoboOpened);

        Assert.Contains("\"刘晓波\"", json, StringComparison.Ordinal);
        Assert.Contains("’", DomainEventJson.Serialize(SupremeCourtVisited), StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrections_replacement_is_stored_with_its_type_name_and_read_back_as_that_event()
    {
        using var stored = JsonDocument.Parse(DomainEventJson.Serialize(OrdinalCorrected));
        var replacement = stored.RootElement.GetProperty("replacement");

        Assert.Equal("RoundHeld", replacement.GetProperty("type").GetString());
        Assert.Equal("15th", replacement.GetProperty("data").GetProperty("ordinal").GetString());

        var back = Assert.IsType<EntryCorrected>(DomainEventJson.Deserialize("EntryCorrected", stored.RootElement.GetRawText()));
        Assert.Equal(WashingtonHeld, Assert.IsType<RoundHeld>(back.Replacement));
    }

    [Fact]
    public void Events_without_lists_read_back_equal_to_what_was_written()
    {
        foreach (var fact in EveryEventType.Values.Where(f => f is not (DialogueEstablished or SessionHeld or SiteVisited or StatementRecorded or CaseOpened or CommitmentMade or CommitmentReaffirmed)))
        {
            Assert.Equal(fact, DomainEventJson.Deserialize(EventTypes.NameOf(fact), DomainEventJson.Serialize(fact)));
        }
    }

    /// <summary>The stored JSON laid out one property a line, so that the snapshot reads well and a change shows as a diff.</summary>
    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void An_unknown_type_name_is_refused_by_name()
    {
        var error = Assert.Throws<UnknownEventTypeException>(() => DomainEventJson.Deserialize("RoundCancelled", "{}"));

        Assert.Equal("RoundCancelled", error.Type);
    }

    [Fact]
    public void A_shape_from_a_newer_schema_version_is_refused()
    {
        var json = DomainEventJson.Serialize(WashingtonConcluded);

        Assert.Throws<JsonException>(() => DomainEventJson.Deserialize("RoundConcluded", json, DomainEventJson.SchemaVersion + 1));
    }

    [Fact]
    public void Stored_data_missing_a_required_property_is_refused()
    {
        Assert.Throws<JsonException>(() => DomainEventJson.Deserialize("OutcomeCharacterised", """{"side":"us","source":{"source_id":"x","quote":null,"locator":null}}"""));
    }

    [Fact]
    public void Stored_data_with_null_for_a_required_value_is_refused()
    {
        Assert.Throws<JsonException>(() => DomainEventJson.Deserialize("OutcomeCharacterised", """{"side":"us","characterisation":null,"source":{"source_id":"x","quote":null,"locator":null}}"""));
    }

    [Fact]
    public void A_commitment_stored_before_kinds_were_recorded_reads_as_an_undertaking()
    {
        // The stored shape of CommitmentMade before it had a kind: the old snapshot, kind left out.
        var old = """{"commitment_id":"c","made_by":["us"],"words":"w","action":"a","made_on":"2010-05-14","due":"2011","due_rule":"r","round_id":null,"source":{"source_id":"s","quote":null,"locator":null}}""";

        var made = Assert.IsType<CommitmentMade>(DomainEventJson.Deserialize("CommitmentMade", old));

        Assert.Equal("undertaking", made.Kind);
        Assert.Equal("2011", made.Due);
    }

    [Fact]
    public void A_commitment_made_as_a_request_reads_back_as_a_request()
    {
        var json = DomainEventJson.Serialize(LegalExpertsPromised with { Kind = "request" });

        Assert.Equal("request", Assert.IsType<CommitmentMade>(DomainEventJson.Deserialize("CommitmentMade", json)).Kind);
    }
}
