using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Server.Api.Views.Common;
using Grpc.Core;

namespace EventDialogue.Server.Api.Views.Commitments;

public static class CommitmentViewMappings
{
    public static GetCommitmentQuery ToQuery(this GetCommitmentRequest request, ServerCallContext context) =>
        new(request.CommitmentId, request.AsOf, Freshness.Of(request.MinPosition, context));

    public static ListCommitmentsQuery ToQuery(this ListCommitmentsRequest request, ServerCallContext context) =>
        new(request.Status, request.MadeBy, request.RoundId, request.AsOf, request.PageSize, request.PageToken, Freshness.Of(request.MinPosition, context));

    public static ListCommitmentsResponse ToResponse(this Listed<CommitmentRead> listed) => new()
    {
        Commitments = { listed.Items.Select(ToApi) },
        NextPageToken = listed.NextPageToken,
    };

    public static Commitment ToApi(this CommitmentRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var view = read.Commitment;
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
            Status = read.Standing.Status,
            StatusAsOf = read.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DueInForce = read.Standing.Due,
            DaysLate = read.Standing.DaysLate ?? 0,
        };
    }

    private static CommitmentEnding? Ending(EndingView? ending) =>
        ending is null ? null : new CommitmentEnding { On = ending.On, By = ending.By, Reason = ending.Reason };
}
