using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Recording;

internal static class Replays
{
    /// <summary>A retry answers with the first recording's result, marked as a replay: it wrote nothing.</summary>
    public static void AssertReplayOf(WriteResult first, WriteResult retry)
    {
        Assert.False(first.Replayed, "the first recording of a request is not a replay");
        var expected = first.Clone();
        expected.Replayed = true;
        Assert.Equal(expected, retry);
    }
}
