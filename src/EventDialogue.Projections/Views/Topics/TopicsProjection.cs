using EventDialogue.Domain.Common;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Statements;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Topics;

/// <summary>
/// The topics view. Each round or statement stream makes one mention per topic it touches; a topic's document sums
/// the mentions and changes by what a stream's mentions were before a batch and are after it.
/// </summary>
public sealed class TopicsProjection(Func<string, string, int, IDomainEvent> readStored) : StreamProjection(readStored)
{
    /// <summary>
    /// The version is in the name (see <see cref="Commitments.CommitmentsProjection.ProjectionName"/>): v2 keeps a document
    /// per audience for a stream with a confidential fact (#12), so a store built before is built again from the log.
    /// </summary>
    public const string ProjectionName = "topics-v2";

    public const string TopicsCollection = ProjectionName;

    public const string MentionsCollection = $"{ProjectionName}.mentions";

    public override string Name => ProjectionName;

    protected override IReadOnlyList<string> Categories => [Streams.RoundCategory, Streams.StatementCategory];

    protected override IReadOnlyList<string> DocumentCollections => [MentionsCollection];

    /// <summary>
    /// A stream's mentions are only what the tallies are made of, and they are folded again from its facts whenever a
    /// batch touches it: storing them cost each statement two or three more documents and eight more tag rows than its own.
    /// </summary>
    protected override bool StoresDocuments => false;

    protected override IReadOnlyList<string> SummaryCollections => [TopicsCollection];

    protected override IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        var mentions = stream.Category == Streams.RoundCategory ? RoundMentions(stream.Id, effective) : StatementMentions(effective);
        return mentions.Select(m => new ViewDocument(
            MentionsCollection,
            $"{stream.Value}#{m.Topic}",
            ViewJson.Write(m),
            $"{m.Topic}|{stream.Value}",
            [new ViewTag("topic", m.Topic)]));
    }

    /// <summary>
    /// A topic's document changes by what the stream's mentions of it were before and are now, so the cost of one
    /// statement does not grow with how many others mention the same topic.
    /// </summary>
    protected override async Task AfterChangeAsync(IViewTransaction views, IReadOnlyList<ViewDocument> before, IReadOnlyList<ViewDocument> after, CancellationToken cancellationToken)
    {
        var removed = before.Select(d => ViewJson.Read<TopicMentionView>(d)).ToList();
        var added = after.Select(d => ViewJson.Read<TopicMentionView>(d)).ToList();
        foreach (var topic in removed.Concat(added).Select(m => m.Topic).Distinct(StringComparer.Ordinal))
        {
            var stored = await views.GetAsync(TopicsCollection, topic, cancellationToken).ConfigureAwait(false);
            var tally = TopicTally.Of(stored is null ? null : ViewJson.Read<TopicView>(stored));
            tally.Remove(removed.Where(m => m.Topic == topic));
            tally.Add(added.Where(m => m.Topic == topic));
            if (tally.IsEmpty)
            {
                await views.DeleteAsync(TopicsCollection, topic, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await views.PutAsync(new ViewDocument(TopicsCollection, topic, ViewJson.Write(tally.ToView(topic)), topic, [], topic), cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<TopicMentionView> RoundMentions(string roundId, IReadOnlyList<IDomainEvent> effective)
    {
        var sessions = effective.OfType<SessionHeld>().SelectMany(s => s.Topics).ToList();
        var visits = effective.OfType<SiteVisited>().SelectMany(v => v.Topics).ToList();
        return sessions.Concat(visits).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(topic => new TopicMentionView(topic, roundId, sessions.Count(t => t == topic), visits.Count(t => t == topic), 0));
    }

    private static IEnumerable<TopicMentionView> StatementMentions(IReadOnlyList<IDomainEvent> effective) =>
        effective.OfType<StatementRecorded>().LastOrDefault() is { } statement
            ? statement.Topics.Select(topic => new TopicMentionView(topic, statement.RoundId, 0, 0, 1))
            : [];
}
