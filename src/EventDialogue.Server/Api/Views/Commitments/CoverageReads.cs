using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Server.Api.Views.Common;

namespace EventDialogue.Server.Api.Views.Commitments;

/// <summary>
/// What assessing commitments needs beyond their own documents: the dialogue of each one's round and that dialogue's
/// latest review (<see cref="AppliedCoverage"/>). Read for the commitments at hand, each round and dialogue once per
/// call, so that a page of the tracker costs its page and not the tracker's rounds.
/// </summary>
public sealed class CoverageReads(ViewReader reader)
{
    private readonly Dictionary<string, string?> _dialogueOfRound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReviewView?> _reviewOfDialogue = new(StringComparer.Ordinal);

    /// <summary>Reads what the commitments' coverage and rounds' dialogues need that earlier reads of the call did not.</summary>
    public async Task ReadForAsync(IEnumerable<CommitmentView> commitments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var rounds = commitments.Select(c => c.RoundId).OfType<string>().Where(r => !_dialogueOfRound.ContainsKey(r)).ToHashSet(StringComparer.Ordinal);
        if (rounds.Count > 0)
        {
            var found = await reader.GetManyAsync(CommitmentsProjection.RoundDialoguesCollection, rounds, cancellationToken);
            foreach (var round in rounds)
            {
                _dialogueOfRound[round] = found.TryGetValue(round, out var document) ? ViewJson.Read<RoundDialogueView>(document).DialogueId : null;
            }
        }

        var dialogues = _dialogueOfRound.Values.OfType<string>().Where(d => !_reviewOfDialogue.ContainsKey(d)).ToHashSet(StringComparer.Ordinal);
        if (dialogues.Count > 0)
        {
            var found = await reader.GetManyAsync(CommitmentsProjection.DialogueReviewsCollection, dialogues, cancellationToken);
            foreach (var dialogue in dialogues)
            {
                _reviewOfDialogue[dialogue] = found.TryGetValue(dialogue, out var document) ? ViewJson.Read<DialogueReviewView>(document).Review : null;
            }
        }
    }

    /// <summary>The horizon that applies to a commitment read for (<see cref="ReadForAsync"/>).</summary>
    public AppliedCoverage Of(CommitmentView commitment) => AppliedCoverage.For(commitment, DialogueOfRound, _reviewOfDialogue.GetValueOrDefault);

    /// <summary>The dialogue of a round of a commitment read for, if the view knows it.</summary>
    public string? DialogueOfRound(string roundId) => _dialogueOfRound.GetValueOrDefault(roundId);
}
