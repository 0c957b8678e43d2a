using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Topics;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Views.Topics;

public sealed record GetTopicQuery(string Topic, Freshness Freshness) : IQuery<TopicView>;

public sealed record ListTopicsQuery(int PageSize, string PageToken, Freshness Freshness) : IQuery<Listed<TopicView>>;

/// <summary>Reads the topics view: one document per topic, ordered by the topic's text.</summary>
public sealed class TopicQueries(IViewStore views, ProjectionHost host, TimeProvider clock, PageTokenKey pageTokenKey, CallerClearance caller)
    : IQueryHandler<GetTopicQuery, TopicView>, IQueryHandler<ListTopicsQuery, Listed<TopicView>>
{
    public const string Projection = TopicsProjection.ProjectionName;

    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<TopicView> Handle(GetTopicQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var topic = Domain.Common.Text.Require(query.Topic, "topic", Domain.Common.Text.Name);
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var document = await _reader.GetAsync(TopicsProjection.TopicsCollection, topic, "topic", cancellationToken);
        return ViewJson.Read<TopicView>(document);
    }

    public async ValueTask<Listed<TopicView>> Handle(ListTopicsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.Read(query.PageSize, query.PageToken, PageToken.Fingerprint("topics"), pageTokenKey);
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var page = await _reader.ListAsync(TopicsProjection.TopicsCollection, [], null, paging, cancellationToken);
        return new Listed<TopicView>([.. page.Items.Select(h => ViewJson.Read<TopicView>(h.Document))], page.NextPageToken);
    }
}
