using EventDialogue.Domain.Common;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Statements;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Topics;

/// <summary>
/// The topics view. Each round or statement stream leaves one mention per topic it touches; a topic's document sums
/// its mentions and is recomputed whenever one of them changes.
/// </summary>
public sealed class TopicsProjection(Func<string, string, int, IDomainEvent> readStored) : StreamProjection(readStored)
{
    public const string TopicsCollection = "topics";
    public const string MentionsCollection = "topic-mentions";

    public override string Name => "topics";

    protected override IReadOnlyList<string> Categories => ["round", "statement"];

    protected override IReadOnlyList<string> DocumentCollections => [MentionsCollection];

    protected override IReadOnlyList<string> SummaryCollections => [TopicsCollection];

    protected override IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        var mentions = stream.Category == "round" ? RoundMentions(stream.Id, effective) : StatementMentions(effective);
        return mentions.Select(m => new ViewDocument(
            MentionsCollection,
            $"{stream.Value}#{m.Topic}",
            ViewJson.Write(m),
            $"{m.Topic}|{stream.Value}",
            [new ViewTag("topic", m.Topic)]));
    }

    protected override async Task AfterChangeAsync(IViewTransaction views, IReadOnlyList<ViewDocument> before, IReadOnlyList<ViewDocument> after, CancellationToken cancellationToken)
    {
        var touched = before.Concat(after).Select(d => ViewJson.Read<TopicMentionView>(d.Json).Topic).Distinct(StringComparer.Ordinal);
        foreach (var topic in touched)
        {
            var mentions = (await views.FindAsync(MentionsCollection, new ViewTag("topic", topic), cancellationToken)).Select(d => ViewJson.Read<TopicMentionView>(d.Json)).ToList();
            if (mentions.Count == 0)
            {
                await views.DeleteAsync(TopicsCollection, topic, cancellationToken);
                continue;
            }

            var rounds = mentions.Where(m => m.RoundId is not null)
                .GroupBy(m => m.RoundId!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new TopicRoundView(g.Key, g.Sum(m => m.Sessions), g.Sum(m => m.SiteVisits), g.Sum(m => m.Statements)))
                .ToList();
            var view = new TopicView(topic, rounds, mentions.Sum(m => m.Sessions), mentions.Sum(m => m.Statements));
            await views.PutAsync(new ViewDocument(TopicsCollection, topic, ViewJson.Write(view), topic, [], topic), cancellationToken);
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
