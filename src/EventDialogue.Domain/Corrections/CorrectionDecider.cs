using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>The entries of a stream: their types by revision, and which are retracted.</summary>
public sealed record StreamEntries(IReadOnlyList<string> Types, IReadOnlySet<long> Retracted);

public sealed class CorrectionDecider : Decider<StreamEntries, CorrectionCommand>
{
    private static readonly string[] Amendments = [EventTypes.NameOf(typeof(EntryCorrected)), EventTypes.NameOf(typeof(EntryRetracted))];

    public override StreamEntries Initial { get; } = new([], new HashSet<long>());

    public override StreamEntries Evolve(StreamEntries state, IDomainEvent fact) => new(
        [.. state.Types, EventTypes.NameOf(fact)],
        fact is EntryRetracted retracted ? new HashSet<long>(state.Retracted) { retracted.TargetRevision } : state.Retracted);

    public override IReadOnlyList<IDomainEvent> Decide(StreamEntries state, CorrectionCommand command, Known known)
    {
        var revision = command.TargetRevision;
        if (revision < 0 || revision >= state.Types.Count)
        {
            throw state.Types.Count == 0
                ? DomainException.NotFound($"stream '{command.TargetStream}' has no entries to correct")
                : new DomainException(DomainErrorKind.NotFound, $"stream '{command.TargetStream}' has no entry at revision {revision} (its last is {state.Types.Count - 1})", "target_revision");
        }

        var type = state.Types[(int)revision];
        if (Amendments.Contains(type))
        {
            throw DomainException.Invalid("target_revision", $"revision {revision} is itself a {type}: correct or retract the original entry instead");
        }

        if (state.Retracted.Contains(revision))
        {
            throw DomainException.Conflict($"the entry at revision {revision} is already retracted", "target_revision");
        }

        var reason = Text.Require(command.Reason, "reason", Text.Paragraph);
        var source = command.Source?.Validated("source");
        if (source is not null)
        {
            known.RequireSource(source, "source");
        }

        return command switch
        {
            CorrectEntry c => [Correct(c, revision, type, reason, source)],
            RetractEntry => [new EntryRetracted(revision, type, reason, source)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    private static EntryCorrected Correct(CorrectEntry c, long revision, string type, string reason, Citation? source)
    {
        var replacement = c.Replacement ?? throw DomainException.Invalid("replacement", "a correction gives the entry as it should have read");
        var replacementType = EventTypes.NameOf(replacement);
        if (replacementType != type)
        {
            throw DomainException.Invalid("replacement", $"the entry at revision {revision} is a {type}; its replacement must be one too, not a {replacementType}");
        }

        return new EntryCorrected(revision, type, replacement, reason, source);
    }
}
