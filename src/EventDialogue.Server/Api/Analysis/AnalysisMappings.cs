using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Server.Api.Views.Common;
using Grpc.Core;
using Computed = EventDialogue.Projections.Analysis;

namespace EventDialogue.Server.Api.Analysis;

public static class AnalysisMappings
{
    public static GetScorecardQuery ToQuery(this GetScorecardRequest request, ServerCallContext context) =>
        new(request.GroupBy, request.AsOf, request.RoundId, request.MadeBy, request.DialogueId, request.Kind, request.IncludeAllKinds, Freshness.Of(request.MinPosition, context));

    public static ListCaseRecurrencesQuery ToQuery(this ListCaseRecurrencesRequest request, ServerCallContext context) =>
        new(request.AsOf, Freshness.Of(request.MinPosition, context));

    public static CompareRoundsQuery ToQuery(this CompareRoundsRequest request, ServerCallContext context) =>
        new(request.RoundA, request.RoundB, Freshness.Of(request.MinPosition, context));

    public static GetTimelineQuery ToQuery(this GetTimelineRequest request, ServerCallContext context) =>
        new(request.Id, Freshness.Of(request.MinPosition, context));

    public static GetScorecardResponse ToResponse(this Computed.Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return new GetScorecardResponse
        {
            AsOf = Day(scorecard.AsOf),
            GroupBy = Computed.ScorecardGroupings.Name(scorecard.By),
            KindsCounted = { scorecard.KindsCounted },
            Groups = { scorecard.Groups.Select(Group) },
            OtherKinds = { scorecard.OtherKinds.Select(Group) },
        };
    }

    public static ListCaseRecurrencesResponse ToResponse(this CaseRecurrencesRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new ListCaseRecurrencesResponse
        {
            AsOf = Day(read.AsOf),
            Cases =
            {
                read.Cases.Select(c => new CaseRecurrence
                {
                    CaseId = c.CaseId,
                    Name = c.Name,
                    RoundIds = { c.RoundIds },
                    LatestStatus = c.Latest?.Status ?? string.Empty,
                    Raisings =
                    {
                        c.Raisings.Select(r => new CaseRaisingRecurrence
                        {
                            Date = r.Raising.Date,
                            RoundId = r.Raising.RoundId.OrEmpty(),
                            Channel = r.Raising.Channel,
                            RaisedBy = r.Raising.RaisedBy,
                            Publicly = r.Raising.Publicly,
                            NearestStatus = r.NearestStatus is { } s ? new CaseStatusNear { Status = s.Status, AsOf = s.AsOf, Certainty = s.Certainty, Source = s.Source.ToApi() } : null,
                        }),
                    },
                }),
            },
        };
    }

    public static CompareRoundsResponse ToResponse(this Computed.RoundComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new CompareRoundsResponse
        {
            RoundA = comparison.RoundA,
            RoundB = comparison.RoundB,
            Topics = Compared(comparison.Topics),
            Cases = Compared(comparison.Cases),
            Commitments = Compared(comparison.Commitments),
            Characterisations = { comparison.Characterisations.Select(c => new ComparedCharacterisation { Side = c.Side, RoundA = { c.RoundA }, RoundB = { c.RoundB } }) },
        };
    }

    public static GetTimelineResponse ToResponse(this Computed.Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new GetTimelineResponse
        {
            Subject = timeline.Subject,
            Id = timeline.Id,
            Entries =
            {
                timeline.Entries.Select(e => new TimelineEntry
                {
                    Date = e.Date,
                    DateWords = e.DateWords,
                    Precision = e.Precision,
                    Type = e.Type,
                    What = e.What,
                    Source = e.Source?.ToApi(),
                }),
            },
        };
    }

    private static ScorecardGroup Group(Computed.ScorecardGroup group) => new()
    {
        Key = group.Key,
        Total = group.Total,
        CommitmentIds = { group.CommitmentIds },
        Statuses = { group.Statuses.Select(s => new ScorecardStatus { Status = s.Status.Name(), Count = s.Count, Rate = s.Rate, CommitmentIds = { s.CommitmentIds } }) },
        Lateness = new ScorecardLateness
        {
            Count = group.Lateness.Count,
            MedianLeast = group.Lateness.MedianLeast,
            MedianMost = group.Lateness.MedianMost,
            Least = group.Lateness.Least,
            Most = group.Lateness.Most,
            CommitmentIds = { group.Lateness.CommitmentIds },
        },
    };

    private static ComparedIds Compared(Computed.ComparedIds ids) => new()
    {
        OnlyA = { ids.OnlyA },
        OnlyB = { ids.OnlyB },
        Both = { ids.Both },
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
