using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Rounds;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Rounds;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// A round's page reads its cases and commitments from one document per audience (<see cref="RoundShownView"/>),
/// kept from the links as they change. After every change it must hold exactly the links the round's link documents
/// hold for that audience, in their order: cases raised, moved to another round by a correction, raised in confidence,
/// retracted.
/// </summary>
public abstract class RoundShownLinksContract : StoreAndViewsContract
{
    private static readonly Citation Source = new("test-source", "test quote", "p. 1");

    private static readonly string[] Rounds = ["r1", "r2"];

    private static IDomainEvent Read(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);

    /// <param name="freshEachStep">
    /// Each step projected by a new projection, which holds nothing in memory and reads the streams' documents back
    /// from the store (untagged), as after a restart; else one runner for all the steps, holding them.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_every_change_each_round_shows_each_audience_exactly_its_case_and_commitment_links(bool freshEachStep)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var steps = new (string Stream, IDomainEvent Fact)[][]
        {
            [
                ("round-r1", new RoundHeld("r1", "d", "2010-05-13/2010-05-14", "Washington", "15th", Source)),
                ("round-r2", new RoundHeld("r2", "d", "2011-04-27/2011-04-28", "Beijing", "16th", Source)),
                ("case-a", new CaseOpened("a", "person", [new CaseName("Person A", "Latn")], null, Source)),
                ("case-a", new CaseRaised("us", "round", "r1", false, "2010-05-13", Source)),
                ("case-b", new CaseOpened("b", "person", [new CaseName("Person B", "Latn")], null, Source)),
                ("case-b", new CaseRaised("us", "round", "r1", true, "2010-05-14", Source)),
                ("case-c", new CaseOpened("c", "group", [new CaseName("Group C", "Latn")], null, Source)),
                ("case-c", new CaseRaised("us", "round", "r1", true, "2010-05-13", Source)),
                ("commitment-m", new CommitmentMade("m", ["us", "cn"], "We will meet again", "hold a meeting", "2010-05-14", "2011", "next year", "r1", Source)),
            ],

            // case b's raising corrected: it was raised in the second round
            [("case-b", new EntryCorrected(1, "CaseRaised", new CaseRaised("us", "round", "r2", true, "2011-04-27", Source), "wrong round", null))],

            // case a raised again, in confidence, in the second round: only the cleared may learn of it
            [("case-a~confidential", new CaseRaised("us", "round", "r2", false, "2011-04-28", Source, InConfidence: true))],

            // case c's raising retracted
            [("case-c", new EntryRetracted(1, "CaseRaised", "not raised", null))],
        };

        var (runner, stop, running) = Start(bound.Token);
        try
        {
            foreach (var step in steps)
            {
                var head = Position.Start;
                foreach (var (stream, fact) in step)
                {
                    head = (await Events.AppendToStreamAsync(StreamName.FromStorage(stream), ExpectedRevision.Any, [GeneratedHistory.ToEventData(fact)], bound.Token)).Position;
                }

                if (freshEachStep)
                {
                    await StopAsync(stop, running);
                    (runner, stop, running) = Start(bound.Token);
                }

                await runner.Watch.WaitForAsync(head, bound.Token);
                Assert.Null(runner.Status.Failure);
                foreach (var round in Rounds)
                {
                    foreach (var cleared in new[] { false, true })
                    {
                        Assert.Equal(await LinkDocumentsAsync(round, cleared, bound.Token), await ShownAsync(round, cleared, bound.Token));
                    }
                }
            }
        }
        finally
        {
            await StopAsync(stop, running);
        }

        // what the steps left, spelled out: the comparison above must not hold only because both sides are empty
        Assert.Equal(["case-a", "commitment-m"], (await ShownAsync("r1", cleared: false, bound.Token)).Select(l => l.Stream));
        Assert.Equal(["case-b"], (await ShownAsync("r2", cleared: false, bound.Token)).Select(l => l.Stream));
        Assert.Equal(["case-b", "case-a"], (await ShownAsync("r2", cleared: true, bound.Token)).Select(l => l.Stream));
    }

    /// <summary>A runner of a new rounds projection, started.</summary>
    private (ProjectionRunner Runner, CancellationTokenSource Stop, Task Running) Start(CancellationToken bound)
    {
        var runner = new ProjectionRunner(new RoundsProjection(Read), Events, Views, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion), batchSize: 3);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(bound);
        return (runner, stop, runner.RunAsync(stop.Token));
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task running)
    {
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    /// <summary>The round's cases, then its commitments, as the audience finds their link documents.</summary>
    private async Task<List<RoundLinkView>> LinkDocumentsAsync(string round, bool cleared, CancellationToken cancellationToken)
    {
        var links = new List<RoundLinkView>();
        foreach (var kind in new[] { "case", "commitment" })
        {
            var found = await Views.FindAsync(RoundsProjection.LinksCollection, [new ViewTag(RoundsProjection.RoundKindTag, RoundsProjection.RoundKind(round, kind)), new ViewTag(Audiences.Tag, Audiences.Of(cleared))], cancellationToken);
            links.AddRange(found.Select(ViewJson.Read<RoundLinkView>));
        }

        return links;
    }

    /// <summary>The round's shown links as the audience reads them: the cleared read their own document first.</summary>
    private async Task<List<RoundLinkView>> ShownAsync(string round, bool cleared, CancellationToken cancellationToken)
    {
        var document = (cleared ? await Views.GetAsync(RoundsProjection.ShownCollection, Audiences.ClearedId(round), cancellationToken) : null)
            ?? await Views.GetAsync(RoundsProjection.ShownCollection, round, cancellationToken);
        return document is null ? [] : [.. ViewJson.Read<RoundShownView>(document).Links.Select(l => l.Link)];
    }
}
