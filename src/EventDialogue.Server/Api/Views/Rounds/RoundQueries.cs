using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Views.Rounds;

/// <summary>
/// A round with what other streams say about it: the cases raised and commitments made in it (<see cref="Links"/>,
/// with the statements recorded in it too when they were asked for) and how many statements were recorded in it.
/// </summary>
public sealed record RoundRead(RoundView Round, IReadOnlyList<RoundLinkView> Links, int StatementsCount)
{
    /// <summary>A round with every one of its links, statements included, counted from them.</summary>
    public static RoundRead WithAllLinks(RoundView round, IReadOnlyList<RoundLinkView> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return new(round, links, links.Count(l => l.Kind == RoundQueries.StatementKind));
    }
}

/// <summary>A round; its statements' links only when <paramref name="WithStatements"/> (the web page lists them; the API counts them).</summary>
public sealed record GetRoundQuery(string RoundId, Freshness Freshness, bool WithStatements = false) : IQuery<RoundRead>;

public sealed record ListRoundsQuery(string DialogueId, string Status, int PageSize, string PageToken, Freshness Freshness) : IQuery<Listed<RoundRead>>;

/// <summary>Reads the rounds view, joining each round to its links (both kept by the rounds projection).</summary>
public sealed class RoundQueries(IViewStore views, ProjectionHost host, TimeProvider clock, PageTokenKey pageTokenKey, CallerClearance caller, KeptAnswers answers)
    : IQueryHandler<GetRoundQuery, RoundRead>, IQueryHandler<ListRoundsQuery, Listed<RoundRead>>
{
    public const string Projection = RoundsProjection.ProjectionName;

    public const string StatementKind = "statement";

    public static readonly IReadOnlyList<string> Statuses = ["scheduled", "held", "concluded"];

    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<RoundRead> Handle(GetRoundQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var roundId = Filters.RequiredId(query.RoundId, "round_id");
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        if (query.WithStatements)
        {
            var document = await _reader.GetAsync(RoundsProjection.RoundsCollection, roundId, "round", cancellationToken);
            var all = await _reader.FindAsync(RoundsProjection.LinksCollection, [new ViewTag("round", roundId)], cancellationToken);
            return RoundRead.WithAllLinks(ViewJson.Read<RoundView>(document), [.. all.Select(l => ViewJson.Read<RoundLinkView>(l))]);
        }

        // the view's checkpoint is taken before the read: what is read is at least that new (see KeptAnswers)
        return await answers.GetOrReadAsync(Projection, _reader.CommittedHere(Projection), roundId, caller.SeesConfidential, token => ReadAsync(roundId, token), cancellationToken);
    }

    /// <summary>A round without its statements, read from the store.</summary>
    private async Task<RoundRead> ReadAsync(string roundId, CancellationToken cancellationToken)
    {
        // the round's document, the cases and commitments it shows (kept in one document under its id) and its
        // statements' count, all in one read of the store
        var (round, shown, counted) = await _reader.GetWithAsync(RoundsProjection.RoundsCollection, roundId, "round", [RoundsProjection.ShownCollection], [StatementsOf(roundId)], cancellationToken);
        return new RoundRead(ViewJson.Read<RoundView>(round), Shown(shown[0]), counted[0]);
    }

    public async ValueTask<Listed<RoundRead>> Handle(ListRoundsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dialogueId = Filters.Id(query.DialogueId, "dialogue_id");
        var status = Filters.OneOf(query.Status, "status", Statuses);
        var paging = Paging.Read(query.PageSize, query.PageToken, PageToken.Fingerprint("rounds", dialogueId, status), pageTokenKey);
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var page = await _reader.ListAsync(RoundsProjection.RoundsCollection, Filters.Tags(("dialogue", dialogueId), ("status", status)), null, paging, cancellationToken);
        var rounds = page.Items.Select(hit => ViewJson.Read<RoundView>(hit.Document)).ToList();

        // every round's cases and commitments (one document a round) and statements' count in one read of the store:
        // one connection, and on PostgreSQL one round trip for the whole page
        var (shown, counted) = await _reader.GetManyWithAsync(
            RoundsProjection.ShownCollection, [.. rounds.Select(r => r.RoundId)], [.. rounds.Select(round => StatementsOf(round.RoundId))], cancellationToken);
        return new Listed<RoundRead>([.. rounds.Select((round, i) => new RoundRead(round, Shown(shown.GetValueOrDefault(round.RoundId)), counted[i]))], page.NextPageToken);
    }

    /// <summary>The round's statements, counted in the tag index, never read (a round holds hundreds of them).</summary>
    private static ViewTagged StatementsOf(string roundId) =>
        new(RoundsProjection.LinksCollection, [new ViewTag(RoundsProjection.RoundKindTag, RoundsProjection.RoundKind(roundId, StatementKind))]);

    /// <summary>The cases and commitments a round shows, from the one document the rounds view keeps of them (none: none).</summary>
    private static IReadOnlyList<RoundLinkView> Shown(ViewDocument? document) =>
        document is null ? [] : [.. ViewJson.Read<RoundShownView>(document).Links.Select(l => l.Link)];
}
