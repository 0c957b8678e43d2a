using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>Checkpoints in the C2SP tlog-checkpoint text format.</summary>
public sealed class CheckpointTests
{
    private static readonly byte[] Root = Convert.FromHexString("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    [Fact]
    public void A_checkpoint_reads_origin_size_and_base64_root_one_per_line()
    {
        var checkpoint = new Checkpoint("eventdialogue.test/log", 8, Root);

        Assert.Equal("eventdialogue.test/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", checkpoint.Text);
    }

    [Fact]
    public void A_checkpoint_reads_back_from_its_text_even_with_extension_lines()
    {
        var parsed = Checkpoint.Parse("eventdialogue.test/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nextension\n");

        Assert.Equal(("eventdialogue.test/log", 8L), (parsed.Origin, parsed.TreeSize));
        Assert.Equal(Root, parsed.RootHash);
    }

    [Theory]
    [InlineData("eventdialogue.test/log\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "tree size")]
    [InlineData("eventdialogue.test/log\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "tree size")]
    [InlineData("eventdialogue.test/log\n8\nXcnaeacG\n", "bytes")]
    [InlineData("eventdialogue.test/log\n8\n", "origin line")]
    public void A_malformed_checkpoint_is_refused_saying_what_is_wrong(string text, string reason)
    {
        Assert.Contains(reason, Assert.Throws<FormatException>(() => Checkpoint.Parse(text)).Message, StringComparison.Ordinal);
    }
}
