using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Api.Views.Commitments;
using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Api.Views.Statements;
using EventDialogue.Server.Access;
using Mediator;

namespace EventDialogue.Server.History.Entries;

/// <summary>
/// An entry as a view showed it at a past point (exactly one of the four reads is set), the last event folded into
/// it, and, when the entry had been retracted by then, the retraction.
/// </summary>
public sealed record EntryAsOf(
    RoundRead? Round,
    CaseFileRead? CaseFile,
    CommitmentRead? Commitment,
    StatementRead? Statement,
    RecordedEvent Last,
    EntryRetracted? Retraction);

public sealed record GetEntryAsOfQuery(string Stream, long AtPosition, DateTimeOffset? AtRecordedAt) : IQuery<EntryAsOf>;

/// <summary>
/// Time travel: the stream's events up to the point, folded by the live view's own projection
/// (<see cref="StreamProjection.ProjectHistory(StreamName, IEnumerable{IDomainEvent}, bool)"/>), read back as the view's queries read its documents. Folding in
/// memory rather than through a view transaction keeps the past out of the view store entirely: nothing to roll back,
/// nothing another reader could see.
/// </summary>
public sealed class GetEntryAsOfHandler(IEventStore store, IEnumerable<IProjection> projections, CallerClearance caller, ConfidentialEvents confidential) : IQueryHandler<GetEntryAsOfQuery, EntryAsOf>
{
    public static readonly IReadOnlyList<string> Categories = ["round", "case", "commitment", "statement"];

    private readonly IReadOnlyList<IProjection> _projections = [.. projections];

    public async ValueTask<EntryAsOf> Handle(GetEntryAsOfQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var stream = StreamName.Parse(query.Stream);
        if (!Categories.Contains(stream.Category))
        {
            throw DomainException.Invalid("stream", $"a '{stream.Category}' stream has no view to answer as of a past point: give a round, case, commitment or statement stream");
        }

        var point = AsOfPoint.Of(query.AtPosition, query.AtRecordedAt);
        // A case is one entry with its companion stream (its facts in confidence): either name answers for the case,
        // folded with the companion for the cleared; to the uncleared the companion does not exist.
        var entity = await EntryEvents.ReadEntityAsync(store, stream, point, confidential, cancellationToken);
        stream = StreamName.FromStorage(Streams.HomeOf(stream.Value));
        if (!entity.Any(e => !e.InCompanion))
        {
            throw DomainException.NotFound($"stream '{stream}' did not exist yet at {point}: its first event was recorded later");
        }

        var facts = entity.Where(e => !e.InCompanion).Select(e => EntryEvents.Fact(e.Event)).ToList();

        // A retracted entry is answered as it stood just before its retraction, which the live views no longer show.
        var retraction = EntryStory.RetractionOfFirst(facts);
        var folded = entity
            .Select(e => new EntityFact(e.InCompanion, EntryEvents.Fact(e.Event)))
            .Where(f => retraction is null || f.InCompanion || f.Fact is not EntryRetracted { TargetRevision: 0 })
            .ToList();
        var last = entity[^1].Event;
        EntryAsOf Answer(RoundRead? round = null, CaseFileRead? caseFile = null, CommitmentRead? commitment = null, StatementRead? statement = null) =>
            new(round, caseFile, commitment, statement, last, retraction);

        switch (stream.Category)
        {
            case "statement":
                return Answer(statement: new StatementRead(Read<StatementView>(Projection<StatementsProjection>(), StatementsProjection.StatementsCollection, stream, folded, point)));
            case "case":
                return Answer(caseFile: new CaseFileRead(Read<CaseFileView>(Projection<CaseFilesProjection>(), CaseFilesProjection.CasesCollection, stream, folded, point)));
            case "commitment":
                // The status is derived as of the day of the asked time; for a position, of the day the last event
                // folded was recorded — the day the record last changed for this commitment by then.
                var view = Read<CommitmentView>(Projection<CommitmentsProjection>(), CommitmentsProjection.CommitmentsCollection, stream, folded, point);
                var day = DateOnly.FromDateTime((point.RecordedAt ?? last.RecordedAt).UtcDateTime);
                // Only the commitment's own review horizon is part of its stream; its dialogue's is not read back here.
                return Answer(commitment: CommitmentQueries.Assess(view, AppliedCoverage.For(view, _ => null, _ => null), day));
            default:
                var rounds = Projection<RoundsProjection>();
                var round = Read<RoundView>(rounds, RoundsProjection.RoundsCollection, stream, folded, point);
                var (links, linkedLast) = await RoundLinksAsOf.ReadAsync(store, rounds, round.RoundId, point, confidential, cancellationToken);
                if (linkedLast is not null)
                {
                    last = EntryEvents.Later(last, linkedLast);
                }

                return Answer(round: RoundRead.WithAllLinks(round, links));
        }
    }

    private T Read<T>(StreamProjection projection, string collection, StreamName stream, IReadOnlyList<EntityFact> folded, AsOfPoint point)
    {
        var document = projection.ProjectHistory(stream, folded, caller.SeesConfidential).FirstOrDefault(d => d.Collection == collection)
            ?? throw DomainException.NotFound($"stream '{stream}' showed nothing in the {collection} view at {point}");
        return ViewJson.Read<T>(document);
    }

    private T Projection<T>()
        where T : StreamProjection => _projections.OfType<T>().Single();
}
