using EventDialogue.Api.V1;
using EventDialogue.Projections.Views.Topics;
using EventDialogue.Server.Api.Views.Common;
using Grpc.Core;

namespace EventDialogue.Server.Api.Views.Topics;

public static class TopicViewMappings
{
    public static GetTopicQuery ToQuery(this GetTopicRequest request, ServerCallContext context) =>
        new(request.Topic, Freshness.Of(request.MinPosition, context));

    public static ListTopicsQuery ToQuery(this ListTopicsRequest request, ServerCallContext context) =>
        new(request.PageSize, request.PageToken, Freshness.Of(request.MinPosition, context));

    public static ListTopicsResponse ToResponse(this Listed<TopicView> listed) => new()
    {
        Topics = { listed.Items.Select(ToApi) },
        NextPageToken = listed.NextPageToken,
    };

    public static Topic ToApi(this TopicView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new Topic
        {
            Topic_ = view.Topic,
            Rounds = { view.Rounds.Select(r => new TopicRound { RoundId = r.RoundId, Sessions = r.Sessions, SiteVisits = r.SiteVisits, Statements = r.Statements }) },
            Sessions = view.Sessions,
            Statements = view.Statements,
        };
    }
}
