using EventDialogue.Domain.Common;
using EventDialogue.Projections.Analysis;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Analysis;

public sealed record GetTimelineQuery(string Id, Freshness Freshness) : IQuery<Timeline>;

/// <summary>
/// A case's or a commitment's timeline (<see cref="Timelines"/>). The id is looked up as both; a stream name
/// ("case-…", "commitment-…") says which when an id names one of each.
/// </summary>
public sealed class TimelineQueries(IViewStore views, ProjectionHost host, TimeProvider clock, CallerClearance caller) : IQueryHandler<GetTimelineQuery, Timeline>
{
    private const string CasePrefix = Streams.CaseCategory + "-";
    private const string CommitmentPrefix = Streams.CommitmentCategory + "-";

    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<Timeline> Handle(GetTimelineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var id = Filters.RequiredId(query.Id, "id");
        await _reader.CatchUpAsync(CaseFileQueries.Projection, query.Freshness, cancellationToken);
        await _reader.CatchUpAsync(CommitmentsProjection.ProjectionName, query.Freshness, cancellationToken);
        var asCase = await views.GetAsync(CaseFilesProjection.CasesCollection, id, cancellationToken);
        var asCommitment = await views.GetAsync(CommitmentsProjection.CommitmentsCollection, id, cancellationToken);
        if (asCase is not null && asCommitment is not null)
        {
            throw DomainException.Invalid("id", $"'{id}' names a case and a commitment: write {CasePrefix}{id} or {CommitmentPrefix}{id}");
        }

        if (asCase is null && asCommitment is null && id.StartsWith(CasePrefix, StringComparison.Ordinal))
        {
            asCase = await views.GetAsync(CaseFilesProjection.CasesCollection, id[CasePrefix.Length..], cancellationToken);
        }

        if (asCase is null && asCommitment is null && id.StartsWith(CommitmentPrefix, StringComparison.Ordinal))
        {
            asCommitment = await views.GetAsync(CommitmentsProjection.CommitmentsCollection, id[CommitmentPrefix.Length..], cancellationToken);
        }

        return asCase is not null ? Timelines.OfCase(ViewJson.Read<CaseFileView>(asCase))
            : asCommitment is not null ? Timelines.OfCommitment(ViewJson.Read<CommitmentView>(asCommitment))
            : throw DomainException.NotFound($"'{id}' is neither a case nor a commitment in the views");
    }
}
