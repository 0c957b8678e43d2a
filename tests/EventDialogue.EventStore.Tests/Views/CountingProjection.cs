using System.Globalization;
using EventDialogue.Domain.Common;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// A projection whose documents count the events of each stream: an event applied twice or lost shows as a wrong count.
/// Events of type <c>Poison</c> cannot be applied, unless it is told to take them as any other.
/// </summary>
/// <param name="name">Its name, for several run side by side.</param>
/// <param name="collection">Where its counts go, for several run side by side.</param>
/// <param name="poisoned">Whether a <c>Poison</c> event stops it.</param>
public sealed class CountingProjection(string name = "counting", string collection = CountingProjection.Counts, bool poisoned = true) : IProjection
{
    public const string Counts = "counts";

    public string Name => name;

    public IReadOnlyList<string> Collections => [collection];

    public static IDomainEvent Read(RecordedEvent recorded) => new Counted(recorded.Type);

    public IProjectionBatch Begin(BatchStart start) => new Batch(collection, poisoned);

    public IProjection Fresh() => new CountingProjection(name, collection, poisoned);

    /// <summary>Counts the batch's events by stream as they are applied, and adds the counts to the documents at the flush.</summary>
    private sealed class Batch(string collection, bool poisoned) : IProjectionBatch
    {
        private readonly Dictionary<StreamName, int> _added = [];

        public void Apply(ProjectedEvent projected)
        {
            if (poisoned && projected.Recorded.Type == "Poison")
            {
                throw new InvalidOperationException("this event cannot be applied");
            }

            _added[projected.Recorded.Stream] = _added.GetValueOrDefault(projected.Recorded.Stream) + 1;
        }

        public async Task FlushAsync(IViewTransaction views, CancellationToken cancellationToken)
        {
            foreach (var (stream, added) in _added)
            {
                var current = await views.GetAsync(collection, stream.Value, cancellationToken);
                var count = current is null ? 0 : int.Parse(current.Json, CultureInfo.InvariantCulture);
                await views.PutAsync(new ViewDocument(collection, stream.Value, (count + added).ToString(CultureInfo.InvariantCulture), stream.Value, [new ViewTag("category", stream.Category)]), cancellationToken);
            }
        }
    }

    [EventType("Counted")]
    private sealed record Counted(string Type) : IDomainEvent;
}
