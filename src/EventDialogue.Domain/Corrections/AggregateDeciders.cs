using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Sources;
using EventDialogue.Domain.Statements;

namespace EventDialogue.Domain.Corrections;

/// <summary>Which aggregate decides the entries of a stream, by the stream's category.</summary>
public static class AggregateDeciders
{
    private static readonly IDecider Dialogue = new DialogueDecider();
    private static readonly IDecider Round = new RoundDecider();
    private static readonly IDecider Source = new SourceDecider();
    private static readonly IDecider Statement = new StatementDecider();
    private static readonly IDecider Case = new CaseDecider();
    private static readonly IDecider Commitment = new CommitmentDecider();

    /// <summary>Every aggregate's decider.</summary>
    public static IReadOnlyList<IDecider> All { get; } = [Dialogue, Round, Source, Statement, Case, Commitment];

    /// <summary>The decider of a stream category (<c>dialogue</c>, <c>round</c>, <c>source</c>, <c>statement</c>, <c>case</c>, <c>commitment</c>); null for any other.</summary>
    public static IDecider? ForCategory(string? category) => category switch
    {
        Streams.DialogueCategory => Dialogue,
        Streams.RoundCategory => Round,
        Streams.SourceCategory => Source,
        Streams.StatementCategory => Statement,
        Streams.CaseCategory => Case,
        Streams.CommitmentCategory => Commitment,
        _ => null,
    };
}
