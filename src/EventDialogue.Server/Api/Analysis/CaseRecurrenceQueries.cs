using EventDialogue.Projections.Analysis;
using EventDialogue.Projections.Storage;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Analysis;

/// <summary>The recurring cases as of a day.</summary>
public sealed record CaseRecurrencesRead(DateOnly AsOf, IReadOnlyList<CaseRecurrence> Cases);

public sealed record ListCaseRecurrencesQuery(string AsOf, Freshness Freshness) : IQuery<CaseRecurrencesRead>;

/// <summary>Finds the recurring cases over every case file (<see cref="CaseRecurrences"/>).</summary>
public sealed class CaseRecurrenceQueries(IViewStore views, ProjectionHost host, TimeProvider clock, CallerClearance caller) : IQueryHandler<ListCaseRecurrencesQuery, CaseRecurrencesRead>
{
    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<CaseRecurrencesRead> Handle(ListCaseRecurrencesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var asOf = Filters.Day(query.AsOf, "as_of") ?? _reader.Today;
        await _reader.CatchUpAsync(CaseFileQueries.Projection, query.Freshness, cancellationToken);
        var cases = await AnalysisReads.CaseFilesAsync(_reader, cancellationToken);
        return new CaseRecurrencesRead(asOf, CaseRecurrences.Find(cases, asOf));
    }
}
