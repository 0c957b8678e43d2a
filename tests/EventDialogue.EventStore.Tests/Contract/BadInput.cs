using System.Text;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    private async Task<InvalidStoreRequestException> RejectedAndNothingWritten(Func<Task> attempt)
    {
        await Store.AppendToStreamAsync(Stream("case-existing"), ExpectedRevision.Any, Events.Some(1));
        var head = await Store.ReadHeadPositionAsync();

        var rejected = await Assert.ThrowsAsync<InvalidStoreRequestException>(attempt);

        Assert.Equal(head, await Store.ReadHeadPositionAsync());
        Assert.Single(await ReadAll());
        return rejected;
    }

    [Theory]
    [InlineData("not valid json", "not valid JSON")]
    [InlineData("{\"unterminated\": ", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    [InlineData("", "required")]
    public async Task Event_data_that_is_not_a_json_object_is_rejected_naming_the_event(string data, string reason)
    {
        var rejected = await RejectedAndNothingWritten(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [Events.One(), Events.WithData(data)]));

        Assert.Equal("events[1].data", rejected.Field);
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_data_over_the_size_limit_is_rejected_with_its_size()
    {
        var data = $"{{\"text\":\"{new string('x', StoreLimits.MaxEventDataBytes)}\"}}";

        var rejected = await RejectedAndNothingWritten(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [Events.WithData(data)]));

        Assert.Equal("events[0].data", rejected.Field);
        Assert.Contains(Encoding.UTF8.GetByteCount(data).ToString(System.Globalization.CultureInfo.InvariantCulture), rejected.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Case Raised")]
    [InlineData("9Lives")]
    [InlineData("Case-Raised")]
    [InlineData("EventDialogue.Domain.CaseRaised, EventDialogue")]
    public async Task A_malformed_event_type_is_rejected(string type)
    {
        var rejected = await RejectedAndNothingWritten(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [Events.One(type)]));

        Assert.Equal("events[0].type", rejected.Field);
    }

    [Fact]
    public async Task An_over_long_event_type_is_rejected()
    {
        var rejected = await RejectedAndNothingWritten(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [Events.One(new string('A', EventTypeName.MaxLength + 1))]));

        Assert.Contains($"at most {EventTypeName.MaxLength}", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_batch_a_repeated_id_or_the_empty_id_is_rejected()
    {
        var once = Events.One();

        Assert.Equal("events", (await RejectedAndNothingWritten(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, []))).Field);
        Assert.Equal("events[1].event_id", (await Assert.ThrowsAsync<InvalidStoreRequestException>(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [once, once]))).Field);
        Assert.Equal("events[0].event_id", (await Assert.ThrowsAsync<InvalidStoreRequestException>(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [once with { EventId = Guid.Empty }]))).Field);
        Assert.Single(await ReadAll());
    }

    [Theory]
    [InlineData("", "events[0].metadata.recorded_by")]
    [InlineData("   ", "events[0].metadata.recorded_by")]
    public async Task Metadata_without_who_recorded_it_is_rejected(string recordedBy, string field)
    {
        var e = Events.One() with { Metadata = Events.Metadata with { RecordedBy = recordedBy } };

        var rejected = await RejectedAndNothingWritten(() => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [e]));

        Assert.Equal(field, rejected.Field);
    }

    [Fact]
    public async Task Metadata_with_a_schema_version_below_one_or_a_blank_correlation_is_rejected()
    {
        var badVersion = Events.One() with { Metadata = Events.Metadata with { SchemaVersion = 0 } };
        var blankCorrelation = Events.One() with { Metadata = Events.Metadata with { CorrelationId = " " } };

        Assert.Equal("events[0].metadata.schema_version", (await RejectedAndNothingWritten(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [badVersion]))).Field);
        Assert.Equal("events[0].metadata.correlation_id", (await Assert.ThrowsAsync<InvalidStoreRequestException>(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, [blankCorrelation]))).Field);
    }

    [Fact]
    public async Task A_negative_revision_is_rejected_before_anything_is_read_or_written()
    {
        var expected = Assert.Throws<InvalidStoreRequestException>(() => ExpectedRevision.Exact(-1));
        var from = Assert.Throws<InvalidStoreRequestException>(() => StreamRevision.At(-3));

        Assert.Equal("expected_revision", expected.Field);
        Assert.Equal("revision", from.Field);
        Assert.Equal("max_count", (await Assert.ThrowsAsync<InvalidStoreRequestException>(() => ReadAll(maxCount: 0))).Field);
        Assert.Empty(await ReadAll());
    }

    [Fact]
    public async Task Too_many_events_in_one_append_are_rejected()
    {
        var rejected = await RejectedAndNothingWritten(
            () => Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, Events.Some(StoreLimits.MaxEventsPerAppend + 1)));

        Assert.Equal("events", rejected.Field);
    }
}
