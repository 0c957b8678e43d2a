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

    /// <summary>The links a round shows one by one; its statements it counts (a round holds hundreds of them).</summary>
    private static readonly string[] ShownKinds = ["case", "commitment"];

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
        // the round's document, its cases and commitments and its statements' count, all in one read of the store
        // (the links carry the round's id, which is the document's id): the links read even when the round turns
        // out not to exist cost nothing worth a second round trip in the common case
        var (round, read) = await _reader.GetWithAsync(RoundsProjection.RoundsCollection, roundId, "round", LinkFinds(roundId), LinkCounts(roundId), cancellationToken);
        return Read(ViewJson.Read<RoundView>(round), read);
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

        // every round's cases, commitments and statements' count in one read of the store: one connection, and on
        // PostgreSQL one round trip for the whole page
        var read = await _reader.FindAndCountAsync(
            [.. rounds.SelectMany(round => LinkFinds(round.RoundId))], [.. rounds.SelectMany(round => LinkCounts(round.RoundId))], cancellationToken);
        return new Listed<RoundRead>([.. rounds.Select((round, i) => Read(round, read.Found.Skip(i * ShownKinds.Length).Take(ShownKinds.Length), read.Counted[i]))], page.NextPageToken);
    }

    /// <summary>The round's cases, then its commitments (<see cref="ShownKinds"/>), each found by its round-and-kind tag.</summary>
    /// <remarks>
    /// Without the statements, a round costs a few index lookups whatever it holds: its cases and its commitments (a
    /// handful of documents each) found, its statements counted in the tag index, never read. Reading every link
    /// document of a round, as this did, cost 10–20 times an empty call (hundreds of statements parsed to be counted).
    /// </remarks>
    private static ViewTagged[] LinkFinds(string roundId) => [.. ShownKinds.Select(kind => LinksOf(roundId, kind))];

    /// <summary>The round's statements, counted in the tag index.</summary>
    private static ViewTagged[] LinkCounts(string roundId) => [LinksOf(roundId, StatementKind)];

    private static ViewTagged LinksOf(string roundId, string kind) =>
        new(RoundsProjection.LinksCollection, [new ViewTag(RoundsProjection.RoundKindTag, RoundsProjection.RoundKind(roundId, kind))]);

    private static RoundRead Read(RoundView round, ViewReadResults read) => Read(round, read.Found, read.Counted[0]);

    private static RoundRead Read(RoundView round, IEnumerable<IReadOnlyList<ViewDocument>> found, int statements) =>
        new(round, [.. found.SelectMany(links => links).Select(l => ViewJson.Read<RoundLinkView>(l))], statements);
}
