namespace EventDialogue.Projections.Views.Topics;

/// <summary>
/// A topic's counts, kept as sums over its mentions so that one mention can be taken out or put in without reading
/// the others. Every mention counts at least one session, visit or statement, so a round with nothing left has no
/// mention left, and a topic with nothing left has no mention at all.
/// </summary>
internal sealed class TopicTally
{
    private readonly SortedDictionary<string, (int Sessions, int SiteVisits, int Statements)> _rounds = new(StringComparer.Ordinal);
    private int _sessions;
    private int _statements;

    // Visits outside any round cannot happen (a visit belongs to a round), but statements outside one can.
    public bool IsEmpty => _rounds.Count == 0 && _sessions == 0 && _statements == 0;

    public static TopicTally Of(TopicView? view)
    {
        var tally = new TopicTally();
        if (view is not null)
        {
            foreach (var round in view.Rounds)
            {
                tally._rounds[round.RoundId] = (round.Sessions, round.SiteVisits, round.Statements);
            }

            tally._sessions = view.Sessions;
            tally._statements = view.Statements;
        }

        return tally;
    }

    public void Add(IEnumerable<TopicMentionView> mentions)
    {
        foreach (var mention in mentions)
        {
            Change(mention, +1);
        }
    }

    public void Remove(IEnumerable<TopicMentionView> mentions)
    {
        foreach (var mention in mentions)
        {
            Change(mention, -1);
        }
    }

    public TopicView ToView(string topic) => new(
        topic,
        [.. _rounds.Select(r => new TopicRoundView(r.Key, r.Value.Sessions, r.Value.SiteVisits, r.Value.Statements))],
        _sessions,
        _statements);

    private void Change(TopicMentionView mention, int sign)
    {
        _sessions += sign * mention.Sessions;
        _statements += sign * mention.Statements;
        if (mention.RoundId is not { } roundId)
        {
            return;
        }

        var (sessions, visits, statements) = _rounds.GetValueOrDefault(roundId);
        var counts = (sessions + (sign * mention.Sessions), visits + (sign * mention.SiteVisits), statements + (sign * mention.Statements));
        if (counts is (0, 0, 0))
        {
            _rounds.Remove(roundId);
        }
        else
        {
            _rounds[roundId] = counts;
        }
    }
}
