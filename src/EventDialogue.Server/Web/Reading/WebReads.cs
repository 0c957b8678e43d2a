using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Sources;
using EventDialogue.Server.Api.History;
using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Api.Views.Commitments;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Api.Views.Statements;
using EventDialogue.Server.History.Reads;
using Mediator;

namespace EventDialogue.Server.Web.Reading;

/// <summary>
/// What the pages read: the same mediator queries the gRPC ViewsService sends (no second query path), asked for the
/// view as it is (a page does not wait for a position), with every page of a list gathered when the page shows all.
/// </summary>
public sealed class WebReads(ISender sender)
{
    /// <summary>A page read never waits for a write it did not make.</summary>
    private static readonly Freshness AsItIs = new(0, DateTime.MaxValue);

    private const int PageSize = 100;

    /// <summary>A list never gathers more than this many pages: the views hold hundreds of entries, not tens of thousands.</summary>
    private const int MaxPages = 50;

    public async Task<IReadOnlyList<CommitmentRead>> CommitmentsAsync(string? asOf, string? status, string? madeBy, string? roundId, string? kind, CancellationToken cancellationToken) =>
        await AllAsync(token => sender.Send(new ListCommitmentsQuery(status ?? "", madeBy ?? "", roundId ?? "", kind ?? "", asOf ?? "", PageSize, token, AsItIs), cancellationToken), cancellationToken);

    public async Task<CommitmentRead> CommitmentAsync(string id, string? asOf, CancellationToken cancellationToken) =>
        await sender.Send(new GetCommitmentQuery(id, asOf ?? "", AsItIs), cancellationToken);

    public async Task<IReadOnlyList<CaseFileRead>> CaseFilesAsync(string? status, string? roundId, string? raisedBy, string? kind, string? query, CancellationToken cancellationToken) =>
        await AllAsync(token => sender.Send(new ListCaseFilesQuery(status ?? "", roundId ?? "", raisedBy ?? "", kind ?? "", query ?? "", PageSize, token, AsItIs), cancellationToken), cancellationToken);

    public async Task<CaseFileRead> CaseFileAsync(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetCaseFileQuery(id, AsItIs), cancellationToken);

    public async Task<IReadOnlyList<StatementRead>> StatementsAsync(string? speaker, string? side, string? topic, string? roundId, string? query, string? sourceId, CancellationToken cancellationToken) =>
        await AllAsync(token => sender.Send(new ListStatementsQuery(speaker ?? "", side ?? "", topic ?? "", roundId ?? "", sourceId ?? "", "", query ?? "", PageSize, token, AsItIs), cancellationToken), cancellationToken);

    /// <summary>
    /// A source as registered, with any correction applied: the views keep no document of sources, so its own stream is
    /// read through the history's stream query (sources are never confidential). NOT_FOUND when none was registered.
    /// </summary>
    public async Task<SourceRegistered> SourceAsync(string id, CancellationToken cancellationToken)
    {
        var raw = await sender.CreateStream(new ReadStreamQuery(Streams.Source(id), Backwards: false, FromRevision: 0, FromEnd: false, MaxCount: 0), cancellationToken)
            .Select(recorded => HistoryEventMappings.ReadFact(recorded))
            .ToListAsync(cancellationToken);
        return EffectiveHistory.Of(raw.OfType<IDomainEvent>()).OfType<SourceRegistered>().LastOrDefault()
            ?? throw new DomainException(DomainErrorKind.NotFound, $"no source '{id}' is registered", "id");
    }

    public async Task<IReadOnlyList<RoundRead>> RoundsAsync(CancellationToken cancellationToken) =>
        await AllAsync(token => sender.Send(new ListRoundsQuery("", "", PageSize, token, AsItIs), cancellationToken), cancellationToken);

    public async Task<RoundRead> RoundAsync(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetRoundQuery(id, AsItIs, WithStatements: true), cancellationToken);

    private static async Task<IReadOnlyList<T>> AllAsync<T>(Func<string, ValueTask<Listed<T>>> page, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var token = string.Empty;
        for (var pages = 0; pages < MaxPages; pages++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var listed = await page(token);
            items.AddRange(listed.Items);
            token = listed.NextPageToken;
            if (token.Length == 0)
            {
                return items;
            }
        }

        throw DomainException.Conflict($"the list has more than {MaxPages * PageSize} entries: narrow it with a filter");
    }
}
