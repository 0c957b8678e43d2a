using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>The entries of a stream as recorded, by revision (the first is revision 0): amendments included, nothing folded away.</summary>
public sealed record StreamEntries(IReadOnlyList<IDomainEvent> Entries);

public sealed class CorrectionDecider : Decider<StreamEntries, CorrectionCommand>
{
    public override StreamEntries Initial { get; } = new([]);

    public override StreamEntries Evolve(StreamEntries state, IDomainEvent fact) => new([.. state.Entries, fact]);

    /// <summary>A correction names an entry by its revision, so it decides on the raw history, not the effective one.</summary>
    public override StreamEntries Fold(IEnumerable<IDomainEvent> history) => new([.. history]);

    public override IReadOnlyList<IDomainEvent> Decide(StreamEntries state, CorrectionCommand command, Known known)
    {
        var entries = state.Entries;
        var revision = command.TargetRevision;
        if (revision < 0 || revision >= entries.Count)
        {
            throw entries.Count == 0
                ? DomainException.NotFound($"stream '{command.TargetStream}' has no entries to correct")
                : new DomainException(DomainErrorKind.NotFound, $"stream '{command.TargetStream}' has no entry at revision {revision} (its last is {entries.Count - 1})", "target_revision");
        }

        var target = entries[(int)revision];
        var type = EventTypes.NameOf(target);
        if (EffectiveHistory.IsAmendment(target))
        {
            throw DomainException.Invalid("target_revision", $"revision {revision} is itself a {type}: correct or retract the original entry instead");
        }

        if (entries.Any(e => e is EntryRetracted retracted && retracted.TargetRevision == revision))
        {
            throw DomainException.Conflict($"the entry at revision {revision} is already retracted", "target_revision");
        }

        return command switch
        {
            CorrectEntry c => [Correct(state, c, type, known)],
            RetractEntry c => [Retract(c, type, known)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    /// <summary>
    /// The correction's own fields are checked all together; the replacement's content is checked after them, as the
    /// command that would have recorded it, against the stream and what exists.
    /// </summary>
    private static EntryCorrected Correct(StreamEntries state, CorrectEntry c, string type, Known known)
    {
        var (replacement, reason, source) = Fields.All(
            Fields.Check(() => SameKind(c.Replacement, c.TargetRevision, type)),
            Reason(c),
            Source(c));
        RequireSource(source, known);
        return new EntryCorrected(c.TargetRevision, type, Decided(state, c, replacement, known), reason, source);
    }

    private static EntryRetracted Retract(RetractEntry c, string type, Known known)
    {
        var (reason, source) = Fields.All(Reason(c), Source(c));
        RequireSource(source, known);
        return new EntryRetracted(c.TargetRevision, type, reason, source);
    }

    private static IDomainEvent SameKind(IDomainEvent? replacement, long revision, string type)
    {
        var given = replacement ?? throw DomainException.Invalid("replacement", "a correction gives the entry as it should have read");
        var givenType = EventTypes.NameOf(given);
        return givenType == type
            ? given
            : throw DomainException.Invalid("replacement", $"the entry at revision {revision} is a {type}; its replacement must be one too, not a {givenType}");
    }

    private static FieldCheck<string> Reason(CorrectionCommand c) => Fields.Check(() => Text.Require(c.Reason, "reason", Text.Paragraph));

    private static FieldCheck<Citation?> Source(CorrectionCommand c) => Fields.Check(() => c.Source?.Validated("source"));

    private static void RequireSource(Citation? source, Known known)
    {
        if (source is not null)
        {
            known.RequireSource(source, "source");
        }
    }

    /// <summary>
    /// The replacement as its stream's aggregate decides it: as the command that would have recorded it, against the
    /// stream as it now stands before the corrected entry. So it obeys the rules the entry had to, and is normalised
    /// as the entry was. Refusals name the replacement's field (<c>replacement.place</c>).
    /// </summary>
    private static IDomainEvent Decided(StreamEntries state, CorrectEntry c, IDomainEvent replacement, Known known)
    {
        var category = Streams.CategoryOf(c.TargetStream);
        var streamId = Streams.IdOf(c.TargetStream);
        var decider = AggregateDeciders.ForCategory(category)
            ?? throw DomainException.Invalid("target_stream", $"'{c.TargetStream}' is not the stream of a dialogue, round, source, statement, case or commitment");
        var command = ReplacementCommands.For(replacement, streamId)
            ?? throw new InvalidOperationException($"no command records a {EventTypes.NameOf(replacement)}: map it in {nameof(ReplacementCommands)}");
        var before = EffectiveHistory.Entries(state.Entries)
            .Where(e => e.Revision < c.TargetRevision)
            .Aggregate(decider.Initial, (folded, e) => decider.Evolve(folded, e.Fact));

        // What the stream's entries refer to existed when they were recorded (streams are never deleted): the
        // replacement may cite those too, besides what the correction's references found.
        var knownHere = known with
        {
            ExistingStreams = new HashSet<string>(known.ExistingStreams.Concat(ReferredToBy(state, streamId)), StringComparer.Ordinal),
        };

        IReadOnlyList<IDomainEvent> decided;
        try
        {
            decided = decider.Decide(before, command, knownHere);
        }
        catch (DomainException refusal)
        {
            throw Refusal(refusal, command, c.TargetStream);
        }

        var decidedReplacement = decided is [var single] && single.GetType() == replacement.GetType()
            ? single
            : throw new InvalidOperationException($"{command.GetType().Name} did not decide exactly one {EventTypes.NameOf(replacement)}");
        var replacementStream = ReplacementCommands.For(decidedReplacement, streamId)!.Stream;
        if (replacementStream != c.TargetStream)
        {
            throw DomainException.Invalid($"replacement.{category}_id", $"the replacement is an entry of stream '{replacementStream}', not of '{c.TargetStream}'");
        }

        return decidedReplacement;
    }

    /// <summary>The streams the stream's entries refer to, and the sources its amendments cite.</summary>
    private static IEnumerable<string> ReferredToBy(StreamEntries state, string streamId) => state.Entries.SelectMany(fact => fact switch
    {
        // A replacement's own references are left out: each is either among these already or was the correction's
        // source, or was looked up for that correction and is looked up again for any later one.
        EntryCorrected { Source: { } cited } => [Streams.Source(cited.SourceId)],
        EntryRetracted { Source: { } cited } => [Streams.Source(cited.SourceId)],
        EntryCorrected or EntryRetracted => [],
        _ => ReplacementCommands.For(fact, streamId)?.References ?? [],
    });

    private static DomainException Refusal(DomainException refusal, IDomainCommand command, string stream)
    {
        if (refusal is { Kind: DomainErrorKind.NotFound, Field: "source.source_id" } && ReplacementCommands.CitationOf(command) is { } cited)
        {
            return new DomainException(
                DomainErrorKind.NotFound,
                $"source '{cited.SourceId?.Trim()}' is neither cited in stream '{stream}' nor the correction's source: a replacement cites a source its stream "
                + "already cites or the one the correction itself cites (to rest the entry on a new source, cite that source on the correction)",
                "replacement.source.source_id");
        }

        if (refusal.Violations.Count > 0)
        {
            return DomainException.Invalid([.. refusal.Violations.Select(v => v with { Field = $"replacement.{v.Field}" })]);
        }

        return new DomainException(refusal.Kind, refusal.Message, refusal.Field is null ? "replacement" : $"replacement.{refusal.Field}");
    }
}
