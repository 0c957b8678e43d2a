using EventDialogue.Domain.Common;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Views.Cases;

/// <summary>A case file, with how it matched when it was found by a search.</summary>
public sealed record CaseFileRead(CaseFileView CaseFile, SearchHit? Match = null);

public sealed record GetCaseFileQuery(string CaseId, Freshness Freshness) : IQuery<CaseFileRead>;

public sealed record ListCaseFilesQuery(string Status, string RoundId, string RaisedBy, string Kind, string Query, int PageSize, string PageToken, Freshness Freshness)
    : IQuery<Listed<CaseFileRead>>;

/// <summary>Reads the case files view: filtered by tags, or searched by name and description.</summary>
public sealed class CaseFileQueries(IViewStore views, ProjectionHost host, TimeProvider clock, PageTokenKey pageTokenKey, CallerClearance caller, KeptAnswers answers)
    : IQueryHandler<GetCaseFileQuery, CaseFileRead>, IQueryHandler<ListCaseFilesQuery, Listed<CaseFileRead>>
{
    public const string Projection = CaseFilesProjection.ProjectionName;

    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<CaseFileRead> Handle(GetCaseFileQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var caseId = Filters.RequiredId(query.CaseId, "case_id");
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);

        // the view's checkpoint is taken before the read: what is read is at least that new (see KeptAnswers)
        return await answers.GetOrReadAsync(Projection, _reader.CommittedHere(Projection), caseId, caller.SeesConfidential, ReadAsync, cancellationToken);

        async Task<CaseFileRead> ReadAsync(CancellationToken token) =>
            new(ViewJson.Read<CaseFileView>(await _reader.GetAsync(CaseFilesProjection.CasesCollection, caseId, "case", token)));
    }

    public async ValueTask<Listed<CaseFileRead>> Handle(ListCaseFilesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var status = Filters.OneOf(query.Status, "status", Vocabulary.CaseStatuses);
        var roundId = Filters.Id(query.RoundId, "round_id");
        var raisedBy = Filters.Party(query.RaisedBy, "raised_by");
        var kind = Filters.OneOf(query.Kind, "kind", Vocabulary.CaseKinds);
        var search = Filters.Query(query.Query);
        var paging = Paging.Read(query.PageSize, query.PageToken, PageToken.Fingerprint("case-files", status, roundId, raisedBy, kind, search?.Text), pageTokenKey);
        await _reader.CatchUpAsync(Projection, query.Freshness, cancellationToken);
        var tags = Filters.Tags(("status", status), ("round", roundId), ("raised_by", raisedBy), ("kind", kind));
        var page = await _reader.ListAsync(CaseFilesProjection.CasesCollection, tags, search?.Parsed, paging, cancellationToken);
        return new Listed<CaseFileRead>([.. page.Items.Select(h => new CaseFileRead(ViewJson.Read<CaseFileView>(h.Document), SearchHit.Of(h)))], page.NextPageToken);
    }
}
