using EventDialogue.Domain.Common;
using EventDialogue.EventStore.Tests.Views;

namespace EventDialogue.Benchmarks.Workload;

/// <summary>
/// How big a domain history to generate. Scale 1 is a tenth of the history the view-rebuild test checks (about
/// 10,600 events); scale 10 is that history itself.
/// </summary>
internal sealed record HistoryShape(int Rounds, int Cases, int Commitments, int Statements)
{
    /// <summary>Events per round and per commitment stream, as the rebuild test has them.</summary>
    public const int EventsPerStream = 200;

    /// <summary>Events per case stream, as the rebuild test has them.</summary>
    public const int EventsPerCase = 250;

    public static HistoryShape Scaled(int scale) => new(Rounds: 10 * scale, Cases: 30 * scale, Commitments: 5 * scale, Statements: 100 * scale);

    public IEnumerable<(string Stream, IReadOnlyList<IDomainEvent> Facts)> Appends() =>
        GeneratedHistory.Appends(Rounds, Cases, Commitments, Statements, EventsPerStream, EventsPerCase);

    public override string ToString() =>
        $"{Rounds:N0} rounds, {Cases:N0} cases, {Commitments:N0} commitments, {Statements:N0} statements";
}
