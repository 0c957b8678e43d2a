using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Statements;

namespace EventDialogue.Domain.Corrections;

/// <summary>
/// The command that would have recorded an entry: a correction's replacement is decided as that command, so it is
/// held to the same rules as the entry it replaces.
/// </summary>
public static class ReplacementCommands
{
    /// <summary>
    /// The command that records <paramref name="fact"/> in the stream with id <paramref name="streamId"/>, as the
    /// aggregate whose event it is says (<see cref="IDecider.CommandRecording"/>); null for an amendment, which no
    /// command records directly.
    /// </summary>
    public static IDomainCommand? For(IDomainEvent? fact, string streamId) =>
        fact is null ? null : AggregateDeciders.All.Select(decider => decider.CommandRecording(fact, streamId)).FirstOrDefault(command => command is not null);

    /// <summary>The source a command's fact cites, if it cites one.</summary>
    public static Citation? CitationOf(IDomainCommand command) => command switch
    {
        EstablishDialogue c => c.Source,
        ReviewDialogueSources c => c.Source,
        RoundCommand c => c.Source,
        RecordStatement c => c.Source,
        CaseCommand c => c.Source,
        CommitmentCommand c => c.Source,
        _ => null,
    };
}
