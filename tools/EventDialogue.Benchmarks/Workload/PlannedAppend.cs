using EventDialogue.EventStore;

namespace EventDialogue.Benchmarks.Workload;

/// <summary>
/// One append, made before the clock starts so that neither our store nor the baseline pays for generating it.
/// The baseline inserts the same rows: it is handed the revisions our store would compute and the metadata
/// already serialised, because a plain INSERT has neither to look up nor to encode anything.
/// </summary>
internal sealed record PlannedAppend(StreamName Stream, ExpectedRevision Expected, long FirstRevision, IReadOnlyList<EventData> Events, string MetadataJson)
{
    public long LastRevision => FirstRevision + Events.Count - 1;
}
