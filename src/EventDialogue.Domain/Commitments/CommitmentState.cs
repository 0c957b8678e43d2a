using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Commitments;

/// <summary>
/// Where a commitment stands, as far as deciding what may happen to it: one of a closed set of cases, each with only
/// what it knows (a commitment not made has no day it was made).
/// </summary>
public abstract record CommitmentState
{
    private CommitmentState()
    {
    }

    /// <summary>No commitment of this id has been recorded.</summary>
    public sealed record NotMade : CommitmentState;

    /// <summary>Made, on a day (an EDTF date): one of the three cases below.</summary>
    public abstract record Made(string MadeOn) : CommitmentState;

    /// <summary>Made, and neither fulfilled nor withdrawn: anything may still happen to it (declared broken or not).</summary>
    public sealed record Open(string MadeOn) : Made(MadeOn);

    /// <summary>Fulfilled: it may still be reaffirmed, reviewed or rated, and withdrawn no more.</summary>
    public sealed record Fulfilled(string MadeOn) : Made(MadeOn);

    /// <summary>Withdrawn: nothing more can happen to it but a review or a rating.</summary>
    public sealed record Withdrawn(string MadeOn) : Made(MadeOn);

    public static CommitmentState Initial { get; } = new NotMade();

    /// <summary>
    /// The next case after a fact. Histories that decisions never produce (a fact recorded before the commitment was
    /// made, which only a retraction can leave behind) leave the case as it was.
    /// </summary>
    public CommitmentState After(IDomainEvent fact) => (this, fact) switch
    {
        (NotMade, CommitmentMade e) => new Open(e.MadeOn),
        (Open open, CommitmentFulfilled) => new Fulfilled(open.MadeOn),
        (Made made and not Withdrawn, CommitmentWithdrawn) => new Withdrawn(made.MadeOn),
        _ => this,
    };
}
