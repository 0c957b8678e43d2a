using EventDialogue.Api.V1;
using EventDialogue.Client.Dataset;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>
/// What the review of issue #13 mended in the reference record that no view shows: the entries that amend it, read
/// from the dataset as the importer reads it.
/// </summary>
public sealed class ReviewedRecordTests
{
    private static readonly DatasetFolder Dataset = DatasetFolder.Load(RepositoryPaths.ReferenceDataset, RepositoryPaths.Sources);

    [Theory]
    [InlineData("dialogue-us-china-religion-experts")]
    [InlineData("dialogue-us-china-labor-experts")]
    public void The_expert_talks_no_document_shows_were_held_are_not_left_as_established_dialogues(string stream)
    {
        // 001: "we are discussing further expert discussions"; "we’re going to try": aims (commitments of kind
        // intention), not dialogues. Each was established once, as revision 0 of its stream, and that entry is retracted.
        Assert.Single(Requests<EstablishDialogueRequest>(), r => $"dialogue-{r.DialogueId}" == stream);
        Assert.Single(Requests<RetractEntryRequest>(), r => r.TargetStream == stream && r.TargetRevision == 0);
    }

    [Fact]
    public void The_2010_sessions_of_one_topic_each_cite_000_which_says_each_was_on_a_distinct_topic()
    {
        var corrected = Requests<CorrectEntryRequest>().Where(r => r.TargetStream == "round-2010-washington" && r.ReplacementType == "SessionHeld").ToList();

        // 001 lists six topics for the first day; freedom of expression has a session of its own from another answer.
        Assert.Equal(["religious freedom", "labor rights", "rule of law", "racial discrimination", "multilateral cooperation"],
            corrected.Select(r => Assert.Single(r.Replacement.Fields["topics"].ListValue.Values).StringValue));
        Assert.All(corrected, r =>
        {
            var source = r.Replacement.Fields["source"].StructValue.Fields;
            Assert.Equal("voa-us-china-human-rights-talks-2010-05", source["source_id"].StringValue);
            Assert.Contains("each one on a distinct topic", source["quote"].StringValue, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_case_response_rests_on_Posner_s_general_lack_of_response_remark_unless_retracted()
    {
        var retracted = Requests<RetractEntryRequest>().Where(r => r.TargetStream.StartsWith("case-", StringComparison.Ordinal)).Select(r => r.TargetStream).ToHashSet();

        var general = Requests<RecordCaseResponseRequest>().Where(r => r.Source.Quote.Contains("lack of response", StringComparison.Ordinal)).ToList();

        Assert.All(general, r => Assert.Contains($"case-{r.CaseId}", retracted));
    }

    private static IEnumerable<T> Requests<T>() => Dataset.Files.SelectMany(f => f.Entries).Select(e => e.Request).OfType<T>();
}
