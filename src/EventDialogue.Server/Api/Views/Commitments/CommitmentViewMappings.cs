using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Server.Api.Views.Common;
using Grpc.Core;
using static EventDialogue.Domain.Commitments.Assessment.CommitmentFact;
using ApiFact = EventDialogue.Api.V1.CommitmentFact;
using DomainFact = EventDialogue.Domain.Commitments.Assessment.CommitmentFact;

namespace EventDialogue.Server.Api.Views.Commitments;

public static class CommitmentViewMappings
{
    public static GetCommitmentQuery ToQuery(this GetCommitmentRequest request, ServerCallContext context) =>
        new(request.CommitmentId, request.AsOf, Freshness.Of(request.MinPosition, context));

    public static ListCommitmentsQuery ToQuery(this ListCommitmentsRequest request, ServerCallContext context) =>
        new(request.Status, request.MadeBy, request.RoundId, request.Kind, request.AsOf, request.PageSize, request.PageToken, Freshness.Of(request.MinPosition, context), request.View == CommitmentListView.Full);

    /// <summary>A page of the tracker: by default each commitment without what grows with every progress report.</summary>
    public static ListCommitmentsResponse ToResponse(this Listed<CommitmentRead> listed, CommitmentListView view)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var whole = view == CommitmentListView.Full;
        return new()
        {
            Commitments = { listed.Items.Select(read => whole ? read.ToApi() : read.ToBasicApi()) },
            NextPageToken = listed.NextPageToken,
        };
    }

    /// <summary>The commitment without its progress reports and its list of sources, the parts that grow with every report.</summary>
    public static Commitment ToBasicApi(this CommitmentRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Whole(read, CommitmentsProjection.Listed(read.Commitment));
    }

    public static Commitment ToApi(this CommitmentRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Whole(read, read.Commitment);
    }

    private static Commitment Whole(CommitmentRead read, CommitmentView view)
    {
        var assessment = read.Assessment;
        return new Commitment
        {
            CommitmentId = view.CommitmentId,
            MadeBy = { view.MadeBy },
            Words = view.Words,
            Action = view.Action,
            MadeOn = view.MadeOn,
            Due = view.Due,
            DueRule = view.DueRule,
            RoundId = view.RoundId.OrEmpty(),
            Reaffirmations = { view.Reaffirmations.Select(r => new CommitmentReaffirmation { By = { r.By }, On = r.On, Words = r.Words.OrEmpty() }) },
            Reschedules = { view.Reschedules.Select(r => new CommitmentReschedule { Due = r.Due, DueRule = r.DueRule, On = r.On }) },
            Progress = { view.Progress.Select(p => new CommitmentProgress { On = p.On, Detail = p.Detail }) },
            Fulfilled = view.Fulfilled is { } f ? new CommitmentFulfilment { On = f.On, Evidence = f.Evidence, EvidenceStream = f.EvidenceStream.OrEmpty(), Source = f.Source.ToApi() } : null,
            Broken = Ending(view.Broken),
            Withdrawn = Ending(view.Withdrawn),
            Sources = { view.Sources.ToApi() },
            Status = assessment.Verdict.Name(),
            StatusAsOf = read.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DueInForce = assessment.Window.ToString(),
            DaysLate = assessment.Late?.Least ?? 0,
            Kind = view.Kind,
            Late = assessment.Late is { } late ? new EventDialogue.Api.V1.DayRange { Least = late.Least, Most = late.Most } : null,
            Reason = assessment.Reason,
            FactsUsed = { assessment.Used.Select(Fact) },
            FactsLeftOut = { assessment.LeftOut.Select(l => new CommitmentFactLeftOut { Fact = Fact(l.Fact), Why = l.Why }) },
            Coverage = Coverage(read.Coverage),
            Ratings = { view.Ratings.Select(r => new CommitmentRating { Rating = r.Rating, Rationale = r.Rationale, RatedBy = r.RatedBy, RatedOn = r.RatedOn, Source = r.Source.ToApi() }) },
        };
    }

    private static ApiFact Fact(DomainFact fact) => new()
    {
        Type = fact switch
        {
            Made => "made",
            Rescheduled => "rescheduled",
            Fulfilled => "fulfilled",
            DeclaredBroken => "declared-broken",
            Withdrawn => "withdrawn",
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.GetType().Name, "not a fact of a commitment"),
        },
        On = fact.On.ToString(),
        What = fact.What,
        Source = fact.Source.ToApi(),
    };

    private static CommitmentCoverage Coverage(AppliedCoverage applied) => new()
    {
        AppliesFrom = applied.AppliesFrom,
        ReviewedUpTo = applied.Review?.ReviewedUpTo ?? string.Empty,
        Detail = applied.Review?.Detail ?? string.Empty,
        Source = applied.Review?.Source.ToApi(),
        DialogueId = applied.DialogueId.OrEmpty(),
    };

    private static CommitmentEnding? Ending(EndingView? ending) =>
        ending is null ? null : new CommitmentEnding { On = ending.On, By = ending.By, Reason = ending.Reason };
}
