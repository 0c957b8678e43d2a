using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Views.Rounds;

/// <summary>A round with what other streams say about it: the cases raised, commitments made and statements recorded in it.</summary>
public sealed record RoundRead(RoundView Round, IReadOnlyList<RoundLinkView> Links);

public sealed record GetRoundQuery(string RoundId, Freshness Freshness) : IQuery<RoundRead>;

public sealed record ListRoundsQuery(string DialogueId, string Status, int PageSize, string PageToken, Freshness Freshness) : IQuery<Listed<RoundRead>>;

/// <summary>Reads the rounds view, joining each round to its links (both kept by the rounds projection).</summary>
public sealed class RoundQueries(IViewStore views, ProjectionHost host, TimeProvider clock, PageTokenKey pageTokenKey, CallerClearance caller)
    : IQueryHandler<GetRoundQuery, RoundRead>, IQueryHandler<ListRoundsQuery, Listed<RoundRead>>
{
    public const string Projection = RoundsProjection.ProjectionName;

    public static readonly IReadOnlyList<string> Statuses = ["scheduled", "held", "concluded"];

    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<RoundRead> Handle(GetRoundQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var roundId = Filters.RequiredId(query.RoundId, "round_id");
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var document = await _reader.GetAsync(RoundsProjection.RoundsCollection, roundId, "round", cancellationToken);
        return await ReadAsync(document, cancellationToken);
    }

    public async ValueTask<Listed<RoundRead>> Handle(ListRoundsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dialogueId = Filters.Id(query.DialogueId, "dialogue_id");
        var status = Filters.OneOf(query.Status, "status", Statuses);
        var paging = Paging.Read(query.PageSize, query.PageToken, PageToken.Fingerprint("rounds", dialogueId, status), pageTokenKey);
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var page = await _reader.ListAsync(RoundsProjection.RoundsCollection, Filters.Tags(("dialogue", dialogueId), ("status", status)), null, paging, cancellationToken);
        var rounds = new List<RoundRead>(page.Items.Count);
        foreach (var hit in page.Items)
        {
            rounds.Add(await ReadAsync(hit.Document, cancellationToken));
        }

        return new Listed<RoundRead>(rounds, page.NextPageToken);
    }

    private async Task<RoundRead> ReadAsync(ViewDocument document, CancellationToken cancellationToken)
    {
        var round = ViewJson.Read<RoundView>(document.Json);
        var links = await _reader.AllAsync(RoundsProjection.LinksCollection, [new ViewTag("round", round.RoundId)], cancellationToken);
        return new RoundRead(round, [.. links.Select(l => ViewJson.Read<RoundLinkView>(l.Json))]);
    }
}
