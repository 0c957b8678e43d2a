using EventDialogue.EventStore.Tests.Views;
using EventDialogue.Api.V1;
using CaseName = EventDialogue.Domain.Cases.CaseName;
using ExpectedRevision = EventDialogue.EventStore.ExpectedRevision;
using Citation = EventDialogue.Domain.Common.Citation;
using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Statements;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Projections.Views.Topics;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Projections;

/// <summary>
/// Kill -9 the server while its projections are catching up, start it again, let them finish, and the views must
/// equal a rebuild from zero: no event lost, none applied twice.
/// </summary>
public abstract class ProjectionCrashContract : IDisposable
{
    private const int Cases = 60;

    // Smaller than the default, so that a history of a few batches is quick to append and to project.
    private const int CatchUpBatchSize = 5_000;

    // The history is 3.6 catching-up batches long, so that a kill can land after one commit and before the last.
    private const int EventsPerCase = CatchUpBatchSize * 18 / 5 / Cases;
    private const int KillAttempts = 5;
    private static readonly Citation Source = new("crash-source", null, null);

    private readonly TempDirectory _workingDirectory = new();

    /// <summary>The server's working directory, where a SQLite file can live.</summary>
    protected string WorkingPath => _workingDirectory.Path;

    /// <summary>The server settings that point it at this test's storage.</summary>
    protected abstract IReadOnlyDictionary<string, string> StoreSettings { get; }

    private Dictionary<string, string> Settings => new(StoreSettings)
    {
        ["Views:CatchUpBatchSize"] = CatchUpBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected abstract Task<(IEventStore Events, IViewStore Views)> OpenStorageAsync();

    public void Dispose()
    {
        _workingDirectory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static IDomainEvent Read(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);

    private static IReadOnlyList<IProjection> AllProjections() =>
        [new RoundsProjection(Read), new CaseFilesProjection(Read), new CommitmentsProjection(Read), new StatementsProjection(Read), new TopicsProjection(Read)];

    [Fact]
    public async Task Given_a_server_killed_while_projecting_when_it_restarts_then_its_views_equal_a_rebuild()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var head = await AppendHistoryAsync(bound.Token);

        var atKill = Position.Start;
        var seen = new List<Position>();
        for (var attempt = 0; attempt < KillAttempts && !(atKill > Position.Start && atKill < head); attempt++)
        {
            atKill = await KillWhileProjectingAsync(bound.Token);
            seen.Add(atKill);
        }

        Assert.True(atKill > Position.Start && atKill < head, $"the server was killed at checkpoints {string.Join(", ", seen)}, with the history ending at {head}");

        await using (var restarted = ServerProcess.Start(WorkingPath, Settings))
        {
            await restarted.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
            using var channel = restarted.CreateChannel();
            await WaitForAllViewsAsync(new ViewsService.ViewsServiceClient(channel), head);
        }

        var (events, storedViews) = await OpenStorageAsync();
        await using (events)
        await using (storedViews)
        {
            var projections = AllProjections();
            var afterCrash = await ViewSnapshot.TakeAsync(storedViews, projections, bound.Token);
            foreach (var projection in projections)
            {
                await storedViews.ResetAsync(projection.Name, projection.Collections, bound.Token);
                var runner = new ProjectionRunner(projection, events, storedViews, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion));
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
                var running = runner.RunAsync(stop.Token);
                await runner.Watch.WaitForAsync(head, bound.Token);
                await stop.CancelAsync();
                await running.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var rebuilt = await ViewSnapshot.TakeAsync(storedViews, projections, bound.Token);
            Assert.Equal(Cases, afterCrash[CaseFilesProjection.CasesCollection].Count);
            foreach (var (collection, documents) in afterCrash)
            {
                Assert.True(documents.SequenceEqual(rebuilt[collection]), $"{collection} differs from its rebuild after the crash");
            }
        }
    }

    /// <summary>
    /// Starts the server on views built from nothing, kills it as soon as the case files' checkpoint is seen to move,
    /// and says where it was. Seen from outside, a catch-up of a few seconds can be over before the watcher is given the
    /// CPU again on a busy machine; the views are then emptied and the server started again, up to
    /// <see cref="KillAttempts"/> times.
    /// </summary>
    private async Task<Position> KillWhileProjectingAsync(CancellationToken cancellationToken)
    {
        var (events, views) = await OpenStorageAsync();
        await events.DisposeAsync();
        await using (views)
        {
            foreach (var projection in AllProjections())
            {
                await views.ResetAsync(projection.Name, projection.Collections, cancellationToken);
            }

            // disposing the server process kills it (SIGKILL): no shutdown, no last commit
            await using var doomed = ServerProcess.Start(WorkingPath, Settings);
            return await WaitUntilProjectingAsync(views, cancellationToken);
        }
    }

    /// <summary>Case streams with long status timelines, and a statement about each, appended before the server starts.</summary>
    private async Task<Position> AppendHistoryAsync(CancellationToken cancellationToken)
    {
        var (events, views) = await OpenStorageAsync();
        await using (views)
        await using (events)
        {
            var metadata = new EventMetadata("crash-test", "crash-test");
            Position head = default;
            for (var c = 0; c < Cases; c++)
            {
                var facts = new List<IDomainEvent> { new CaseOpened($"c{c}", "person", [new CaseName($"Person {c}", "Latn")], null, Source) };
                facts.AddRange(Enumerable.Range(1, EventsPerCase - 1).Select(i => new CaseStatusReported(i % 2 == 0 ? "detained" : "released", $"20{10 + (i % 10)}", null, null, $"report {i}", "believed", "unofficial", Source)));
                foreach (var chunk in facts.Chunk(100))
                {
                    head = (await events.AppendToStreamAsync(StreamName.Parse($"case-c{c}"), ExpectedRevision.Any, [.. chunk.Select(f => new EventData(Guid.NewGuid(), EventTypes.NameOf(f), DomainEventJson.Serialize(f), metadata))], cancellationToken)).Position;
                }

                var statement = new StatementRecorded($"s{c}", "Speaker", null, "us", "briefing", "2010-05-14", null, $"About person {c} and the rule of law", true, ["rule of law"], null, null, Source);
                head = (await events.AppendToStreamAsync(StreamName.Parse($"statement-s{c}"), ExpectedRevision.NoStream, [new EventData(Guid.NewGuid(), EventTypes.NameOf(statement), DomainEventJson.Serialize(statement), metadata)], cancellationToken)).Position;
            }

            return head;
        }
    }

    /// <summary>Watches the case-files checkpoint from outside the server and returns as soon as it has moved.</summary>
    private static async Task<Position> WaitUntilProjectingAsync(IViewStore views, CancellationToken cancellationToken)
    {
        while (true)
        {
            var checkpoint = await views.ReadCheckpointAsync(CaseFilesProjection.ProjectionName, cancellationToken);
            if (checkpoint > Position.Start)
            {
                return checkpoint;
            }
        }
    }

    private static async Task WaitForAllViewsAsync(ViewsService.ViewsServiceClient views, Position head)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        await views.ListRoundsAsync(new ListRoundsRequest { MinPosition = head.Value }, deadline: deadline);
        await views.ListCaseFilesAsync(new ListCaseFilesRequest { MinPosition = head.Value }, deadline: deadline);
        await views.ListCommitmentsAsync(new ListCommitmentsRequest { MinPosition = head.Value }, deadline: deadline);
        await views.ListStatementsAsync(new ListStatementsRequest { MinPosition = head.Value }, deadline: deadline);
        await views.ListTopicsAsync(new ListTopicsRequest { MinPosition = head.Value }, deadline: deadline);
    }
}
