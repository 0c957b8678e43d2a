using EventDialogue.Domain.Common;
using EventDialogue.Projections.Analysis;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Views;
using Mediator;

namespace EventDialogue.Server.Api.Analysis;

public sealed record CompareRoundsQuery(string RoundA, string RoundB, Freshness Freshness) : IQuery<RoundComparison>;

/// <summary>Compares two rounds of the rounds view (<see cref="RoundComparer"/>).</summary>
public sealed class CompareRoundsQueries(IViewStore views, ProjectionHost host, TimeProvider clock, CallerClearance caller) : IQueryHandler<CompareRoundsQuery, RoundComparison>
{
    private readonly ViewReader _reader = new(views, host, clock, caller);

    public async ValueTask<RoundComparison> Handle(CompareRoundsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (roundA, roundB) = Fields.All(
            Fields.Check(() => Filters.RequiredId(query.RoundA, "round_a")),
            Fields.Check(() => Filters.RequiredId(query.RoundB, "round_b")));
        if (roundA == roundB)
        {
            throw DomainException.Invalid("round_b", $"'{roundB}' is round_a too: name two different rounds");
        }

        await _reader.CatchUpAsync(RoundQueries.Projection, query.Freshness, cancellationToken);
        var a = ViewJson.Read<RoundView>(await _reader.GetAsync(RoundsProjection.RoundsCollection, roundA, "round", cancellationToken));
        var b = ViewJson.Read<RoundView>(await _reader.GetAsync(RoundsProjection.RoundsCollection, roundB, "round", cancellationToken));
        return RoundComparer.Compare(a, await AnalysisReads.LinksAsync(_reader, roundA, cancellationToken), b, await AnalysisReads.LinksAsync(_reader, roundB, cancellationToken));
    }
}
