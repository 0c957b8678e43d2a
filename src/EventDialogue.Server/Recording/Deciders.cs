using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Sources;
using EventDialogue.Domain.Statements;

namespace EventDialogue.Server.Recording;

/// <summary>Which aggregate decides a command.</summary>
public static class Deciders
{
    private static readonly IDecider Dialogue = new DialogueDecider();
    private static readonly IDecider Round = new RoundDecider();
    private static readonly IDecider Source = new SourceDecider();
    private static readonly IDecider Statement = new StatementDecider();
    private static readonly IDecider Case = new CaseDecider();
    private static readonly IDecider Commitment = new CommitmentDecider();
    private static readonly IDecider Correction = new CorrectionDecider();

    public static IDecider For(IDomainCommand command) => command switch
    {
        DialogueCommand => Dialogue,
        RoundCommand => Round,
        SourceCommand => Source,
        StatementCommand => Statement,
        CaseCommand => Case,
        CommitmentCommand => Commitment,
        CorrectionCommand => Correction,
        _ => throw new InvalidOperationException($"no aggregate decides {command.GetType().Name}"),
    };

    /// <summary>The command field that names its stream, for errors about a malformed id.</summary>
    public static string IdFieldOf(IDomainCommand command) => command switch
    {
        DialogueCommand => "dialogue_id",
        RoundCommand => "round_id",
        SourceCommand => "source_id",
        StatementCommand => "statement_id",
        CaseCommand => "case_id",
        CommitmentCommand => "commitment_id",
        CorrectionCommand => "target_stream",
        _ => "id",
    };
}
