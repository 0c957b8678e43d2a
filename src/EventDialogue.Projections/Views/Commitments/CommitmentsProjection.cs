using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Commitments;

/// <summary>The commitment tracker: one document per commitment.</summary>
public sealed class CommitmentsProjection(Func<string, string, int, IDomainEvent> readStored) : StreamProjection(readStored)
{
    public const string CommitmentsCollection = "commitments";

    public override string Name => "commitments";

    protected override IReadOnlyList<string> Categories => ["commitment"];

    protected override IReadOnlyList<string> DocumentCollections => [CommitmentsCollection];

    protected override IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        var view = effective.Aggregate((CommitmentView?)null, Evolve);
        if (view is null)
        {
            yield break;
        }

        var tags = view.MadeBy.Select(p => new ViewTag("made_by", p)).ToList();
        if (view.RoundId is not null)
        {
            tags.Add(new ViewTag("round", view.RoundId));
        }

        yield return new ViewDocument(CommitmentsCollection, view.CommitmentId, ViewJson.Write(view), $"{view.MadeOn}|{view.CommitmentId}", tags, $"{view.Words} {view.Action}");
    }

    /// <summary>The facts the derived status is computed from.</summary>
    public static CommitmentRecord Record(CommitmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new CommitmentRecord(view.MadeOn, view.Due, [.. view.Reschedules.Select(r => (r.On, r.Due))], view.Fulfilled?.On, view.Broken?.On, view.Withdrawn?.On);
    }

    private static CommitmentView? Evolve(CommitmentView? view, IDomainEvent fact) => fact switch
    {
        CommitmentMade e => new CommitmentView(e.CommitmentId, e.MadeBy, e.Words, e.Action, e.MadeOn, e.Due, e.DueRule, e.RoundId, [], [], [], null, null, null, [e.Source]),
        CommitmentReaffirmed e when view is not null => view with { Reaffirmations = [.. view.Reaffirmations, new ReaffirmationView(e.By, e.On, e.Words)], Sources = [.. view.Sources, e.Source] },
        CommitmentRescheduled e when view is not null => view with { Reschedules = [.. view.Reschedules, new RescheduleView(e.Due, e.DueRule, e.On)], Sources = [.. view.Sources, e.Source] },
        CommitmentProgressReported e when view is not null => view with { Progress = [.. view.Progress, new ProgressView(e.On, e.Detail)], Sources = [.. view.Sources, e.Source] },
        CommitmentFulfilled e when view is not null => view with { Fulfilled = new FulfilmentView(e.On, e.Evidence, e.EvidenceStream, e.Source), Sources = [.. view.Sources, e.Source] },
        CommitmentDeclaredBroken e when view is not null => view with { Broken = new EndingView(e.On, e.DeclaredBy, e.Reason), Sources = [.. view.Sources, e.Source] },
        CommitmentWithdrawn e when view is not null => view with { Withdrawn = new EndingView(e.On, e.WithdrawnBy, e.Reason), Sources = [.. view.Sources, e.Source] },
        _ => view,
    };
}
