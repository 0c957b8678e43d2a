namespace EventDialogue.Projections.Views.Topics;

/// <summary>A topic across rounds: where it came up (sessions, site visits) and how many statements touched it.</summary>
public sealed record TopicView(string Topic, IReadOnlyList<TopicRoundView> Rounds, int Sessions, int Statements);

public sealed record TopicRoundView(string RoundId, int Sessions, int SiteVisits, int Statements);

/// <summary>One mention of a topic by one stream: a round's sessions and visits, or a statement.</summary>
public sealed record TopicMentionView(string Topic, string? RoundId, int Sessions, int SiteVisits, int Statements);
