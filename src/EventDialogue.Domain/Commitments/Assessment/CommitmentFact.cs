using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>
/// One thing the record says happened to a commitment, dated in the world at the precision its source gives, with the
/// source. The cases are closed: an assessment can only meet these.
/// </summary>
public abstract record CommitmentFact
{
    private protected CommitmentFact(string on, Citation source)
    {
        On = EdtfDate.Parse(on);
        Source = source;
    }

    /// <summary>When it happened in the world.</summary>
    public EdtfDate On { get; }

    public Citation Source { get; }

    /// <summary>What happened, in a few words, for the reasons an assessment gives.</summary>
    public abstract string What { get; }

    /// <summary>The commitment was made, due within <see cref="Due"/>.</summary>
    public sealed record Made : CommitmentFact
    {
        public Made(string on, string due, Citation source)
            : base(on, source) => Due = EdtfDate.Parse(due);

        public EdtfDate Due { get; }

        public override string What => $"made on {On}, due {Due}";
    }

    /// <summary>The commitment's window was moved to <see cref="Due"/>.</summary>
    public sealed record Rescheduled : CommitmentFact
    {
        public Rescheduled(string on, string due, Citation source)
            : base(on, source) => Due = EdtfDate.Parse(due);

        public EdtfDate Due { get; }

        public override string What => $"rescheduled on {On} to {Due}";
    }

    public sealed record Fulfilled : CommitmentFact
    {
        public Fulfilled(string on, Citation source)
            : base(on, source)
        {
        }

        public override string What => $"fulfilled on {On}";
    }

    public sealed record DeclaredBroken : CommitmentFact
    {
        public DeclaredBroken(string on, Citation source)
            : base(on, source)
        {
        }

        public override string What => $"declared broken on {On}";
    }

    public sealed record Withdrawn : CommitmentFact
    {
        public Withdrawn(string on, Citation source)
            : base(on, source)
        {
        }

        public override string What => $"withdrawn on {On}";
    }
}
