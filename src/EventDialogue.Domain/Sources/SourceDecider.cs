using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Sources;

public sealed record SourceState(bool Registered);

public sealed class SourceDecider : Decider<SourceState, SourceCommand>
{
    private static readonly string[] Grades = ["a", "b", "c", "d", "e", "f"];

    public override SourceState Initial { get; } = new(false);

    public override SourceState Evolve(SourceState state, IDomainEvent fact) => fact switch
    {
        SourceRegistered => state with { Registered = true },
        _ => state,
    };

    public override IReadOnlyList<IDomainEvent> Decide(SourceState state, SourceCommand command, Known known) => command switch
    {
        RegisterSource c => [Register(state, c)],
        _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
    };

    private static SourceRegistered Register(SourceState state, RegisterSource c)
    {
        var id = EntityId.Require(c.SourceId, "source_id");
        if (state.Registered)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"source '{id}' is already registered", "source_id");
        }

        var reliability = Text.Optional(c.Reliability, "reliability", 1)?.ToLowerInvariant();
        if (reliability is not null && !Grades.Contains(reliability))
        {
            throw DomainException.Invalid("reliability", $"'{reliability}' is not a grade: A (reliable) to F (cannot be judged)");
        }

        var address = Text.Optional(c.Address, "address", 2_000);
        return new SourceRegistered(
            id,
            Text.Require(c.Title, "title", Text.Title),
            Text.Optional(c.Publisher, "publisher", Text.Name),
            WorldDate.Optional(c.Published, "published"),
            Vocabulary.Require(c.Kind, "kind", Vocabulary.SourceKinds),
            address,
            reliability?.ToUpperInvariant());
    }
}
