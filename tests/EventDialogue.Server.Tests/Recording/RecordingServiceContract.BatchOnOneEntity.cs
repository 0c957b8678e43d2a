using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// A batch of requests about one entity: each item is decided on the entity's facts as recorded before the batch and
/// as the items before it left them (a batch parses each of the entity's events once for all its items, so a fact kept
/// from an earlier item's reading must not hide what came after it, nor an amendment of it).
/// </summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task A_batch_about_one_round_decides_each_item_on_what_was_recorded_before_and_on_the_items_before_it_retractions_included()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, "us", "Michael H. Posner", leads: true), Call());
        var stream = $"round-{roundId}";

        var outcomes = await RecordBatchAsync(
            false,
            Valid.Member(roundId, sourceId, "us", "Another Leader", leads: true),
            Valid.Member(roundId, sourceId, "cn", "Chen Xu", leads: true),
            Valid.Member(roundId, sourceId, "cn", "Wu Hailong", leads: true),
            Valid.Retract(stream, 2),
            Valid.Member(roundId, sourceId, "cn", "Wu Hailong", leads: true),
            Valid.Member(roundId, sourceId, "cn", "Li Baodong", leads: true));

        // the us leader recorded before the batch refuses item 0; item 1's leader refuses item 2 until item 3 retracts
        // it; then item 4 leads, and refuses item 5
        Assert.Equal(
            [RequestOutcome.OutcomeOneofCase.Refusal, RequestOutcome.OutcomeOneofCase.Result, RequestOutcome.OutcomeOneofCase.Refusal,
             RequestOutcome.OutcomeOneofCase.Result, RequestOutcome.OutcomeOneofCase.Result, RequestOutcome.OutcomeOneofCase.Refusal],
            outcomes.Select(o => o.OutcomeCase));
        Assert.All([outcomes[0], outcomes[2], outcomes[5]], o => Assert.Contains("already has a leader", o.Refusal.Message, StringComparison.Ordinal));
        Assert.Equal([2L, 3L, 4L], [outcomes[1].Result.Revision, outcomes[3].Result.Revision, outcomes[4].Result.Revision]);
        Assert.Equal(5, (await ReadStreamAsync(stream)).Count);
    }
}
