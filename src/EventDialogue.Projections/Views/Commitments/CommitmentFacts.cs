using EventDialogue.Domain.Commitments.Assessment;

namespace EventDialogue.Projections.Views.Commitments;

/// <summary>The facts of a commitment's view as the assessor reads them, in the order they were recorded.</summary>
public static class CommitmentFacts
{
    public static IReadOnlyList<CommitmentFact> Of(CommitmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var facts = new List<CommitmentFact> { new CommitmentFact.Made(view.MadeOn, view.Due, view.MadeSource) };
        facts.AddRange(view.Reschedules.Select(r => new CommitmentFact.Rescheduled(r.On, r.Due, r.Source)));
        if (view.Fulfilled is { } fulfilled)
        {
            facts.Add(new CommitmentFact.Fulfilled(fulfilled.On, fulfilled.Source));
        }

        if (view.Broken is { } broken)
        {
            facts.Add(new CommitmentFact.DeclaredBroken(broken.On, broken.Source));
        }

        if (view.Withdrawn is { } withdrawn)
        {
            facts.Add(new CommitmentFact.Withdrawn(withdrawn.On, withdrawn.Source));
        }

        return facts;
    }
}
