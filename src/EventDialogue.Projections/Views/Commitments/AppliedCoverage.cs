using EventDialogue.Domain.Commitments.Assessment;

namespace EventDialogue.Projections.Views.Commitments;

/// <summary>
/// The review horizon an assessment used, and whose it is: the commitment's own if one was recorded, else its
/// dialogue's (through the round it was made in), else none — and then silence after a window's end proves nothing.
/// </summary>
public sealed record AppliedCoverage(RecordCoverage Coverage, string AppliesFrom, ReviewView? Review, string? DialogueId)
{
    public const string FromCommitment = "commitment";
    public const string FromDialogue = "dialogue";
    public const string FromNone = "none";

    public static AppliedCoverage None { get; } = new(RecordCoverage.None, FromNone, null, null);

    /// <param name="dialogueOfRound">The dialogue of a round, if the view knows it.</param>
    /// <param name="reviewOfDialogue">A dialogue's latest review, if one was recorded.</param>
    public static AppliedCoverage For(CommitmentView view, Func<string, string?> dialogueOfRound, Func<string, ReviewView?> reviewOfDialogue)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(dialogueOfRound);
        ArgumentNullException.ThrowIfNull(reviewOfDialogue);
        if (view.Reviewed is { } own)
        {
            return new AppliedCoverage(RecordCoverage.UpTo(own.ReviewedUpTo), FromCommitment, own, null);
        }

        var dialogue = view.RoundId is null ? null : dialogueOfRound(view.RoundId);
        return dialogue is not null && reviewOfDialogue(dialogue) is { } review
            ? new AppliedCoverage(RecordCoverage.UpTo(review.ReviewedUpTo), FromDialogue, review, dialogue)
            : None;
    }
}
