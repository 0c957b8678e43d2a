using System.Security.Cryptography;
using System.Text;
using EventDialogue.EventStore;

namespace EventDialogue.Benchmarks.Workload;

/// <summary>Splits a number of events into appends of a batch size, spread over writers and their streams.</summary>
internal static class WorkloadPlanner
{
    /// <summary>
    /// Streams get a handful of appends each, like an aggregate does: the first append expects no stream,
    /// the rest the exact revision, so every append pays for the concurrency check a real command pays for.
    /// </summary>
    private const int AppendsPerStream = 10;

    /// <param name="tag">Makes this measurement's stream names unique in the database (letters and digits).</param>
    /// <param name="writers">Concurrent writers.</param>
    /// <param name="events">Events wanted in total; rounded down to whole batches per writer, at least one each.</param>
    /// <param name="batchSize">Events per append.</param>
    /// <param name="bodies">Where event data comes from.</param>
    public static WorkloadPlan Plan(string tag, int writers, long events, int batchSize, EventBodies bodies)
    {
        var appendsPerWriter = (int)Math.Max(1, events / ((long)writers * batchSize));
        var plan = new IReadOnlyList<PlannedAppend>[writers];
        for (var writer = 0; writer < writers; writer++)
        {
            plan[writer] = PlanWriter(tag, writer, appendsPerWriter, batchSize, bodies);
        }

        return new WorkloadPlan(plan);
    }

    private static List<PlannedAppend> PlanWriter(string tag, int writer, int appends, int batchSize, EventBodies bodies)
    {
        // shaped as a recorded request's: its request id as both correlation and causation, and the request's fingerprint
        var requestId = $"bench-{tag}-{writer}";
        var fingerprint = $"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))}";
        var metadata = new EventMetadata($"bench-writer-{writer}", requestId, requestId, RequestFingerprint: fingerprint);
        var metadataJson = EventMetadataJson.Serialize(metadata);
        var planned = new List<PlannedAppend>(appends);
        for (var i = 0; i < appends; i++)
        {
            var stream = StreamName.For("statement", $"{tag}-w{writer}-{i / AppendsPerStream}");
            var firstRevision = (long)(i % AppendsPerStream) * batchSize;
            var expected = firstRevision == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(firstRevision - 1);
            var events = new EventData[batchSize];
            for (var e = 0; e < batchSize; e++)
            {
                events[e] = new EventData(Guid.NewGuid(), "StatementRecorded", bodies.Next(), metadata);
            }

            planned.Add(new PlannedAppend(stream, expected, firstRevision, events, metadataJson));
        }

        return planned;
    }
}
