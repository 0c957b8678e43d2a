using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Sources;

public sealed class SourceDecider : Decider<SourceState, SourceCommand>
{
    private static readonly string[] Grades = ["a", "b", "c", "d", "e", "f"];

    public override SourceState Initial => SourceState.Initial;

    public override SourceState Evolve(SourceState state, IDomainEvent fact) => state.After(fact);

    public override SourceCommand? CommandRecording(IDomainEvent fact, string streamId) => fact switch
    {
        SourceRegistered e => new RegisterSource(e.SourceId, e.Title, e.Kind, e.Publisher, e.Published, e.Address, e.Reliability),
        _ => null,
    };

    public override IReadOnlyList<IDomainEvent> Decide(SourceState state, SourceCommand command, Known known) => command switch
    {
        RegisterSource c => [Register(state, c)],
        _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
    };

    /// <summary>The source's fields are checked first, all together, so that a refusal names every wrong one.</summary>
    private static SourceRegistered Register(SourceState state, RegisterSource c)
    {
        var (id, title, kind, publisher, published, address, reliability) = Fields.All(
            Fields.Check(() => EntityId.Require(c.SourceId, "source_id")),
            Fields.Check(() => Text.Require(c.Title, "title", Text.Title)),
            Fields.Check(() => Vocabulary.Require(c.Kind, "kind", Vocabulary.SourceKinds)),
            Fields.Check(() => Text.Optional(c.Publisher, "publisher", Text.Name)),
            Fields.Check(() => WorldDate.Optional(c.Published, "published")),
            Fields.Check(() => Text.Optional(c.Address, "address", 2_000)),
            Fields.Check(() => Reliability(c.Reliability)));
        if (state is SourceState.Registered)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"source '{id}' is already registered", "source_id");
        }

        return new SourceRegistered(id, title, publisher, published, kind, address, reliability);
    }

    private static string? Reliability(string? grade)
    {
        var reliability = Text.Optional(grade, "reliability", 1)?.ToLowerInvariant();
        return reliability is null || Grades.Contains(reliability)
            ? reliability?.ToUpperInvariant()
            : throw DomainException.Invalid("reliability", $"'{reliability}' is not a grade: A (reliable) to F (cannot be judged)");
    }
}
