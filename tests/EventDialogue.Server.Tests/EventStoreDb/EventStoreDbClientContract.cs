using System.Globalization;
using System.Text.Json;

namespace EventDialogue.Server.Tests.EventStoreDb;

/// <summary>
/// EventStoreDB's own Node client, unchanged, against our server: it reads and follows the history we recorded through
/// our recording service, and is refused when it tries to write. One session per backend (see <see cref="NodeSession"/>);
/// each test asserts on one part of what the client got.
/// </summary>
public abstract class EventStoreDbClientContract(IEventStoreDbServer fixture)
{
    private Task<NodeSession> SessionAsync() => fixture.Session ??= NodeSession.RunAsync(fixture.Server);

    [Fact]
    public async Task Given_a_recorded_round_when_the_client_reads_its_stream_then_it_gets_our_events_with_revisions_positions_and_metadata()
    {
        var session = await SessionAsync();
        var stream = Events(session, "stream");

        Assert.Equal(["0", "1", "2"], stream.Select(e => Text(e, "revision")));
        Assert.Equal(["RoundHeld", "DelegationMemberNamed", "DelegationMemberNamed"], stream.Select(e => Text(e, "type")));
        Assert.All(stream, e => Assert.Equal(session.RoundStream, Text(e, "streamId")));
        Assert.All(session.RoundWrites, w => Assert.Equal(1, w.EventCount));
        Assert.Equal(session.RoundWrites.Select(w => w.Position.ToString(CultureInfo.InvariantCulture)), stream.Select(e => Text(e, "commit")));
        Assert.All(stream, e => Assert.Equal(Text(e, "commit"), Text(e, "prepare")));
        Assert.All(stream, e => Assert.True(e.GetProperty("isJson").GetBoolean()));
        Assert.All(stream, e => Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind));
        Assert.All(stream, e => Assert.Equal("views-e2e", e.GetProperty("metadata").GetProperty("recorded_by").GetString()));
        Assert.All(stream, e => Assert.InRange(
            DateTimeOffset.Parse(Text(e, "created"), CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10),
            DateTimeOffset.UtcNow));
        Assert.Equal(stream.Select(e => Guid.Parse(Text(e, "id"))).Distinct().Count(), stream.Count);

        Assert.Equal([Text(stream[2], "id")], Events(session, "streamBackwardsNewest").Select(e => Text(e, "id")));
        Assert.Equal([Text(stream[1], "id")], Events(session, "streamFromRevision1").Select(e => Text(e, "id")));
    }

    [Fact]
    public async Task Given_recorded_history_when_the_client_reads_all_forwards_and_backwards_then_it_gets_the_log_in_position_order_each_way()
    {
        var session = await SessionAsync();
        var forwards = Events(session, "allForwards");
        var backwards = Events(session, "allBackwards");
        var stream = Events(session, "stream");
        var positions = forwards.Select(e => long.Parse(Text(e, "commit"), CultureInfo.InvariantCulture)).ToList();

        Assert.True(forwards.Count >= 5, session.ToString());
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(stream.Select(e => Text(e, "id")), forwards.Where(e => Text(e, "streamId") == session.RoundStream).Select(e => Text(e, "id")));
        Assert.Equal(forwards.TakeLast(3).Reverse().Select(e => Text(e, "id")), backwards.Select(e => Text(e, "id")));

        // from the position of the stream's second event: forwards includes it, backwards starts before it
        var second = forwards.FindIndex(e => Text(e, "id") == Text(stream[1], "id"));
        Assert.Equal(forwards.Skip(second).Take(2).Select(e => Text(e, "id")), Events(session, "allForwardsFromSecond").Select(e => Text(e, "id")));
        Assert.Equal([Text(forwards[second - 1], "id")], Events(session, "allBackwardsFromSecond").Select(e => Text(e, "id")));
    }

    [Fact]
    public async Task Given_recorded_history_when_the_client_reads_all_filtered_by_event_type_prefix_then_it_gets_only_those_events_with_structured_ids()
    {
        var session = await SessionAsync();
        var filtered = Events(session, "filteredRead");
        var stream = Events(session, "stream");

        Assert.Equal(["DelegationMemberNamed", "DelegationMemberNamed"], filtered.Select(e => Text(e, "type")));
        Assert.Equal(stream.Skip(1).Select(e => Guid.Parse(Text(e, "id"))), filtered.Select(StructuredId));
    }

    [Fact]
    public async Task Given_a_filter_whose_regex_this_server_cannot_run_when_the_client_reads_then_it_is_refused_naming_the_field()
    {
        var session = await SessionAsync();
        var refusal = session.Result.GetProperty("badRegex");

        Assert.Equal(3, refusal.GetProperty("code").GetInt32()); // INVALID_ARGUMENT
        Assert.StartsWith("3 INVALID_ARGUMENT: options.filter.event_type.regex: '(Round)\\1' is not a regular expression this server runs", Text(refusal, "message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_subscriptions_that_caught_up_when_an_event_is_recorded_then_each_receives_it_live_after_exactly_the_history_it_filters()
    {
        var session = await SessionAsync();
        var live = session.LiveWrite.Position.ToString(CultureInfo.InvariantCulture);
        var byStreamPrefix = session.Result.GetProperty("filteredSubscription");
        var byTypeRegex = session.Result.GetProperty("byTypeSubscription");
        var onStream = session.Result.GetProperty("streamSubscription");

        Assert.Equal(session.LiveStream, session.LiveWrite.Stream);
        foreach (var subscription in new[] { byStreamPrefix, byTypeRegex, onStream })
        {
            Assert.True(subscription.GetProperty("confirmed").GetBoolean(), session.ToString());
            Assert.True(subscription.GetProperty("caughtUpBeforeLive").GetBoolean(), session.ToString());
            var received = subscription.GetProperty("live");
            Assert.Equal(session.LiveStream, Text(received, "streamId"));
            Assert.Equal("0", Text(received, "revision"));
            Assert.Equal("SourceRegistered", Text(received, "type"));
            Assert.Equal(live, Text(received, "commit"));
        }

        // nothing the refused append sent was written: the round stream still has its three events
        Assert.Equal(Events(session, "stream").Select(e => Text(e, "id")), History(byStreamPrefix).Select(e => Text(e, "id")));
        Assert.Equal(["SourceRegistered"], History(byTypeRegex).Select(e => Text(e, "type")));
        Assert.Empty(History(onStream));

        // checkpoints every two events looked at, never past the live event
        var checkpoints = byStreamPrefix.GetProperty("checkpoints").EnumerateArray().Select(c => long.Parse(c.GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(checkpoints.Count >= 2, session.ToString());
        Assert.Equal(checkpoints.Order(), checkpoints);
        Assert.All(checkpoints, c => Assert.True(c <= session.LiveWrite.Position));
    }

    [Fact]
    public async Task Given_the_client_when_it_appends_then_it_is_refused_with_access_denied_saying_writes_go_through_the_recording_commands()
    {
        var session = await SessionAsync();
        var append = session.Result.GetProperty("append");

        Assert.Equal("AccessDeniedError", Text(append, "name"));
        Assert.Equal("access-denied", Text(append, "type"));
        Assert.Equal(7, append.GetProperty("code").GetInt32()); // PERMISSION_DENIED
        Assert.Contains($"appending to stream '{session.RoundStream}' through EventStoreDB's protocol is refused", Text(append, "message"), StringComparison.Ordinal);
        Assert.Contains("RecordingService", Text(append, "message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stream_never_written_when_the_client_reads_it_then_it_gets_stream_not_found_naming_it()
    {
        var session = await SessionAsync();
        var notFound = session.Result.GetProperty("notFound");

        Assert.Equal("StreamNotFoundError", Text(notFound, "name"));
        Assert.Equal($"{session.MissingStream} not found", Text(notFound, "message"));
    }

    [Fact]
    public async Task Given_the_server_when_the_client_asks_its_features_then_only_read_is_offered()
    {
        var session = await SessionAsync();
        var features = session.Result.GetProperty("features");

        Assert.Equal(["event_store.client.streams.streams/read"], features.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("0.0.0-eventdialogue", Text(features, "version"));
    }

    private static List<JsonElement> Events(NodeSession session, string property) => [.. session.Result.GetProperty(property).EnumerateArray()];

    private static List<JsonElement> History(JsonElement subscription) => [.. subscription.GetProperty("history").EnumerateArray()];

    private static string Text(JsonElement element, string property) => element.GetProperty(property).ToString();

    // EventStoreDB's structured UUID: the RFC 4122 bytes as two big-endian signed 64-bit halves.
    private static Guid StructuredId(JsonElement e)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, long.Parse(Text(e, "mostSignificantBits"), CultureInfo.InvariantCulture));
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), long.Parse(Text(e, "leastSignificantBits"), CultureInfo.InvariantCulture));
        return new Guid(bytes, bigEndian: true);
    }
}
