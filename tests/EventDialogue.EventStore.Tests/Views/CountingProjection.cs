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

    public IProjectionBatch Begin(IViewTransaction views) => new Batch(views);

    private sealed class Batch(IViewTransaction views) : IProjectionBatch
    {
        public async Task ApplyAsync(ProjectedEvent projected, CancellationToken cancellationToken)
        {
            if (projected.Recorded.Type == "Poison")
            {
                throw new InvalidOperationException("this event cannot be applied");
            }

            var stream = projected.Recorded.Stream.Value;
            var current = await views.GetAsync(Counts, stream, cancellationToken);
            var count = current is null ? 0 : int.Parse(current.Json, CultureInfo.InvariantCulture);
            await views.PutAsync(new ViewDocument(Counts, stream, (count + 1).ToString(CultureInfo.InvariantCulture), stream, [new ViewTag("category", projected.Recorded.Stream.Category)]), cancellationToken);
        }

        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [EventType("Counted")]
    private sealed record Counted(string Type) : IDomainEvent;
}
