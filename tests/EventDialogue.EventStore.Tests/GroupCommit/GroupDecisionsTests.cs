using EventDialogue.EventStore.GroupCommit;
using EventDialogue.EventStore.Postgres.GroupCommit;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.GroupCommit;

/// <summary>How a group's appends are decided from the log's state under the lock, without a database.</summary>
public sealed class GroupDecisionsTests
{
    private static readonly StreamName Case = StreamName.Parse("case-liu-xiaobo");
    private static readonly Dictionary<Guid, StoredEventIdentity> NothingStored = [];
    private static readonly Dictionary<string, long> NoStreams = [];

    [Fact]
    public void Appends_to_one_stream_in_one_group_get_consecutive_revisions_and_are_checked_against_each_other()
    {
        var group = new[]
        {
            Pending(Case, ExpectedRevision.NoStream, 2),
            Pending(Case, ExpectedRevision.Exact(1), 1),
            Pending(Case, ExpectedRevision.NoStream, 1),
        };

        var decisions = GroupDecisions.Decide(group, NothingStored, NoStreams);

        Assert.Equal(new AppendDecision.Write(0), decisions[0]);
        Assert.Equal(new AppendDecision.Write(2), decisions[1]);
        var refused = Assert.IsType<WrongExpectedRevisionException>(Assert.IsType<AppendDecision.Refuse>(decisions[2]).Reason);
        Assert.Equal(2, refused.ActualRevision);
    }

    [Fact]
    public void An_append_sharing_an_id_with_an_earlier_one_of_its_group_waits_for_the_next_transaction()
    {
        var events = Events.Some(2);
        var group = new[] { Pending(Case, ExpectedRevision.NoStream, events), Pending(Case, ExpectedRevision.NoStream, [events[1]]) };

        var decisions = GroupDecisions.Decide(group, NothingStored, NoStreams);

        Assert.IsType<AppendDecision.Write>(decisions[0]);
        Assert.IsType<AppendDecision.Defer>(decisions[1]);
    }

    [Fact]
    public void A_retry_gets_its_first_result_and_an_id_taken_elsewhere_or_with_other_data_is_refused_before_any_insert()
    {
        var events = Events.Some(2);
        var stored = events.Select((e, i) => new StoredEventIdentity(e.EventId, Case.Value, i, new Position(10 + i), e.Type, e.Data)).ToDictionary(s => s.EventId);
        var revisions = new Dictionary<string, long> { [Case.Value] = 1 };
        var group = new[]
        {
            Pending(Case, ExpectedRevision.NoStream, events),
            Pending(Case, ExpectedRevision.Any, [events[0] with { Data = """{"note":"other"}""" }]),
            Pending(StreamName.Parse("case-gao-zhisheng"), ExpectedRevision.NoStream, [Events.One(), events[1]]),
            Pending(Case, ExpectedRevision.NoStream, [Events.One(), events[1]]),
        };

        var decisions = GroupDecisions.Decide(group, stored, revisions);

        Assert.Equal(new AppendResult(Case, 1, new Position(11)), Assert.IsType<AppendDecision.Repeat>(decisions[0]).Result);
        Assert.IsType<DuplicateEventIdException>(Assert.IsType<AppendDecision.Refuse>(decisions[1]).Reason);
        Assert.IsType<DuplicateEventIdException>(Assert.IsType<AppendDecision.Refuse>(decisions[2]).Reason);
        // as for a lone append, a wrong expected revision is reported before a taken id
        Assert.IsType<WrongExpectedRevisionException>(Assert.IsType<AppendDecision.Refuse>(decisions[3]).Reason);
    }

    private static PendingAppend Pending(StreamName stream, ExpectedRevision expected, int count) => Pending(stream, expected, Events.Some(count));

    private static PendingAppend Pending(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events) => new(stream, expected, events);
}
