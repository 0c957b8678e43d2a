using EventDialogue.Domain.Common;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Views.Statements;

/// <summary>A statement, with how it matched when it was found by a full-text search.</summary>
public sealed record StatementRead(StatementView Statement, SearchHit? Match = null);

public sealed record GetStatementQuery(string StatementId, Freshness Freshness) : IQuery<StatementRead>;

public sealed record ListStatementsQuery(
    string Speaker,
    string Side,
    string Topic,
    string RoundId,
    string SourceId,
    string Setting,
    string Query,
    int PageSize,
    string PageToken,
    Freshness Freshness) : IQuery<Listed<StatementRead>>;

/// <summary>Reads the statements view: filtered by tags, and searched in full text (ranked, matches highlighted).</summary>
public sealed class StatementQueries(IViewStore views, ProjectionHost host, TimeProvider clock, PageTokenKey pageTokenKey, CallerClearance caller)
    : IQueryHandler<GetStatementQuery, StatementRead>, IQueryHandler<ListStatementsQuery, Listed<StatementRead>>
{
    public const string Projection = StatementsProjection.ProjectionName;

    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<StatementRead> Handle(GetStatementQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statementId = Filters.RequiredId(query.StatementId, "statement_id");
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var document = await _reader.GetAsync(StatementsProjection.StatementsCollection, statementId, "statement", cancellationToken);
        return new StatementRead(ViewJson.Read<StatementView>(document));
    }

    public async ValueTask<Listed<StatementRead>> Handle(ListStatementsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var speaker = Filters.Words(query.Speaker, "speaker");
        var side = Filters.Party(query.Side, "side");
        var topic = Filters.Words(query.Topic, "topic");
        var roundId = Filters.Id(query.RoundId, "round_id");
        var sourceId = Filters.Id(query.SourceId, "source_id");
        var setting = Filters.OneOf(query.Setting, "setting", Vocabulary.Settings);
        var search = Filters.Query(query.Query);
        var paging = Paging.Read(query.PageSize, query.PageToken, PageToken.Fingerprint("statements", speaker, side, topic, roundId, sourceId, setting, search?.Text), pageTokenKey);
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var tags = Filters.Tags(("speaker", speaker), ("side", side), ("topic", topic), ("round", roundId), ("source", sourceId), ("setting", setting));
        var page = await _reader.ListAsync(StatementsProjection.StatementsCollection, tags, search?.Parsed, paging, cancellationToken);
        return new Listed<StatementRead>([.. page.Items.Select(h => new StatementRead(ViewJson.Read<StatementView>(h.Document), SearchHit.Of(h)))], page.NextPageToken);
    }
}
