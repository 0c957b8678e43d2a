using EventDialogue.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>A batch's items are counted and timed as the commands they are, as single recordings are.</summary>
public sealed partial class RecordingMetricsTests
{
    [Fact]
    public async Task Each_item_of_a_batch_is_counted_and_timed_by_command_and_outcome()
    {
        var source = Valid.Source(Valid.Id("measured-source"));
        await server.Client.RegisterSourceAsync(source, Call());
        Listen();
        var dialogue = Valid.Dialogue(Valid.Id("dialogue"), source.SourceId);

        await RecordBatchAsync(false, source, dialogue, Valid.RaiseCase(Valid.Id("never-opened"), Valid.Id("round"), source.SourceId));

        (string, string)[] expected = [("RegisterSource", "replayed"), ("EstablishDialogue", "recorded"), ("RaiseCase", "refused:NotFound")];
        Assert.Equal(expected, Measured("eventdialogue.recording.commands"));
        Assert.Equal(expected, Measured("eventdialogue.recording.duration"));
    }

    [Fact]
    public async Task In_a_batch_refused_all_or_nothing_the_refused_item_counts_as_refused_and_the_others_as_not_recorded()
    {
        var source = Valid.Source(Valid.Id("measured-source"));
        Listen();

        await Assert.ThrowsAsync<RpcException>(() => RecordBatchAsync(true, source, Valid.RaiseCase(Valid.Id("never-opened"), Valid.Id("round"), source.SourceId)));

        (string, string)[] expected = [("RegisterSource", "not-recorded"), ("RaiseCase", "refused:NotFound")];
        Assert.Equal(expected, Measured("eventdialogue.recording.commands"));
    }

    private async Task RecordBatchAsync(bool allOrNothing, params IMessage[] requests) =>
        await server.Client.RecordRequestsAsync(new RecordRequestsRequest { Requests = { requests.Select(Any.Pack) }, AllOrNothing = allOrNothing }, Call());
}
