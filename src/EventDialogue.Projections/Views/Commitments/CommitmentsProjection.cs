using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Commitments;

/// <summary>
/// The commitment tracker: one document per commitment, and what its assessment needs from other streams — the
/// dialogue of each round and each dialogue's review horizon — kept in the same projection, so that one checkpoint
/// says how far all of it is.
/// </summary>
public sealed class CommitmentsProjection(Func<string, string, int, IDomainEvent> readStored) : StreamProjection(readStored)
{
    /// <summary>
    /// The version is in the name: a projection whose documents change shape gets a new name, so it starts from its
    /// own empty checkpoint and builds its documents from the log, and no document of the old shape is ever read as
    /// the new one. (v1's "commitments" documents are left behind, unread; v3 keeps a document per audience, #12; v4
    /// keeps beside each commitment its listed document, #15.)
    /// </summary>
    public const string ProjectionName = "commitments-v4";

    /// <summary>Each commitment whole: what a get, the FULL list and the analysis read.</summary>
    public const string CommitmentsCollection = ProjectionName;

    /// <summary>
    /// Each commitment as a page of the list shows it: the same <see cref="CommitmentView"/> without its progress
    /// reports and its list of sources, the parts that grow with every report, so that a page neither reads nor parses
    /// them. The assessment uses neither (see <see cref="CommitmentFacts"/>). A progress report leaves this document
    /// as it was, so it is not written again; what it holds grows only with the rarer facts (reaffirmations,
    /// reschedules, ratings).
    /// </summary>
    public const string ListedCommitmentsCollection = $"{ProjectionName}.listed";

    public const string RoundDialoguesCollection = $"{ProjectionName}.round-dialogues";

    public const string DialogueReviewsCollection = $"{ProjectionName}.dialogue-reviews";

    public override string Name => ProjectionName;

    protected override IReadOnlyList<string> Categories => [Streams.CommitmentCategory, Streams.RoundCategory, Streams.DialogueCategory];

    protected override IReadOnlyList<string> DocumentCollections => [CommitmentsCollection, ListedCommitmentsCollection, RoundDialoguesCollection, DialogueReviewsCollection];

    protected override IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective) => stream.Category switch
    {
        Streams.CommitmentCategory => Commitment(effective),
        Streams.RoundCategory => RoundDialogue(stream, effective),
        Streams.DialogueCategory => DialogueReview(stream, effective),
        _ => [],
    };

    private static IEnumerable<ViewDocument> Commitment(IReadOnlyList<IDomainEvent> effective)
    {
        var view = effective.Aggregate((CommitmentView?)null, Evolve);
        if (view is null)
        {
            yield break;
        }

        var tags = view.MadeBy.Select(p => new ViewTag("made_by", p)).ToList();
        tags.Add(new ViewTag("kind", view.Kind));
        if (view.RoundId is not null)
        {
            tags.Add(new ViewTag("round", view.RoundId));
        }

        var sortKey = $"{view.MadeOn}|{view.CommitmentId}";
        yield return new ViewDocument(CommitmentsCollection, view.CommitmentId, ViewJson.Write(view), sortKey, tags, $"{view.Words} {view.Action}");
        yield return new ViewDocument(ListedCommitmentsCollection, view.CommitmentId, ViewJson.Write(Listed(view)), sortKey, tags);
    }

    /// <summary>The commitment as a page of the list shows it: without what grows with every progress report.</summary>
    public static CommitmentView Listed(CommitmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with { Progress = [], Sources = [] };
    }

    private static IEnumerable<ViewDocument> RoundDialogue(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        var dialogue = effective.Select(f => f switch
        {
            RoundScheduled e => e.DialogueId,
            RoundHeld e => e.DialogueId,
            _ => null,
        }).LastOrDefault(d => d is not null);
        return dialogue is null
            ? []
            : [new ViewDocument(RoundDialoguesCollection, stream.Id, ViewJson.Write(new RoundDialogueView(stream.Id, dialogue)), stream.Id, [])];
    }

    private static IEnumerable<ViewDocument> DialogueReview(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        // The latest review recorded is the horizon in force; a correction or retraction of it shows here at once.
        var review = effective.OfType<DialogueSourcesReviewed>().LastOrDefault();
        return review is null
            ? []
            : [new ViewDocument(DialogueReviewsCollection, stream.Id, ViewJson.Write(new DialogueReviewView(stream.Id, new ReviewView(review.ReviewedUpTo, review.Detail, review.Source))), stream.Id, [])];
    }

    private static CommitmentView? Evolve(CommitmentView? view, IDomainEvent fact) => fact switch
    {
        CommitmentMade e => new CommitmentView(e.CommitmentId, e.MadeBy, e.Words, e.Action, e.MadeOn, e.Due, e.DueRule, e.RoundId, e.Kind, e.Source, [], [], [], null, null, null, null, [], [e.Source]),
        CommitmentReaffirmed e when view is not null => view with { Reaffirmations = [.. view.Reaffirmations, new ReaffirmationView(e.By, e.On, e.Words)], Sources = [.. view.Sources, e.Source] },
        CommitmentRescheduled e when view is not null => view with { Reschedules = [.. view.Reschedules, new RescheduleView(e.Due, e.DueRule, e.On, e.Source)], Sources = [.. view.Sources, e.Source] },
        CommitmentProgressReported e when view is not null => view with { Progress = [.. view.Progress, new ProgressView(e.On, e.Detail)], Sources = [.. view.Sources, e.Source] },
        CommitmentFulfilled e when view is not null => view with { Fulfilled = new FulfilmentView(e.On, e.Evidence, e.EvidenceStream, e.Source), Sources = [.. view.Sources, e.Source] },
        CommitmentDeclaredBroken e when view is not null => view with { Broken = new EndingView(e.On, e.DeclaredBy, e.Reason, e.Source), Sources = [.. view.Sources, e.Source] },
        CommitmentWithdrawn e when view is not null => view with { Withdrawn = new EndingView(e.On, e.WithdrawnBy, e.Reason, e.Source), Sources = [.. view.Sources, e.Source] },
        CommitmentSourcesReviewed e when view is not null => view with { Reviewed = new ReviewView(e.ReviewedUpTo, e.Detail, e.Source) },
        CommitmentRated e when view is not null => view with { Ratings = [.. view.Ratings, new RatingView(e.Rating, e.Rationale, e.RatedBy, e.RatedOn, e.Source)] },
        _ => view,
    };
}
