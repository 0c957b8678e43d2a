using System.Globalization;
using EventDialogue.Domain.Common;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// A projection whose documents count the events of each stream: an event applied twice or lost shows as a wrong count.
/// Events of type <c>Poison</c> cannot be applied.
/// </summary>
public sealed class CountingProjection : IProjection
{
    public const string Counts = "counts";

    public string Name => "counting";

    public IReadOnlyList<string> Collections => [Counts];

    public static IDomainEvent Read(RecordedEvent recorded) => new Counted(recorded.Type);

    public IProjectionBatch Begin(BatchStart start) => new Batch();

    /// <summary>Counts the batch's events by stream as they are applied, and adds the counts to the documents at the flush.</summary>
    private sealed class Batch : IProjectionBatch
    {
        private readonly Dictionary<StreamName, int> _added = [];

        public void Apply(ProjectedEvent projected)
        {
            if (projected.Recorded.Type == "Poison")
            {
                throw new InvalidOperationException("this event cannot be applied");
            }

            _added[projected.Recorded.Stream] = _added.GetValueOrDefault(projected.Recorded.Stream) + 1;
        }

        public async Task FlushAsync(IViewTransaction views, CancellationToken cancellationToken)
        {
            foreach (var (stream, added) in _added)
            {
                var current = await views.GetAsync(Counts, stream.Value, cancellationToken);
                var count = current is null ? 0 : int.Parse(current.Json, CultureInfo.InvariantCulture);
                await views.PutAsync(new ViewDocument(Counts, stream.Value, (count + added).ToString(CultureInfo.InvariantCulture), stream.Value, [new ViewTag("category", stream.Category)]), cancellationToken);
            }
        }
    }

    [EventType("Counted")]
    private sealed record Counted(string Type) : IDomainEvent;
}
