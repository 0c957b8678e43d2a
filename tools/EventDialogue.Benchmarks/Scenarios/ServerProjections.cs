using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Projections.Views.Topics;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>The projections the server runs, built the way the server builds them (its registrations are not reachable from here).</summary>
internal static class ServerProjections
{
    public static IReadOnlyList<IProjection> All() =>
        [new RoundsProjection(Read), new CaseFilesProjection(Read), new CommitmentsProjection(Read), new StatementsProjection(Read), new TopicsProjection(Read)];

    public static IDomainEvent ReadRecorded(RecordedEvent recorded) => Read(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion);

    private static IDomainEvent Read(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);
}
