using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>
/// The facts of an entity as recorded, in the order recorded, amendments included, nothing folded away: those of its
/// own stream and those of its companion stream for facts in confidence (cases). A correction names an entry by the
/// stream it is in and its revision there (each stream's first is revision 0).
/// </summary>
public sealed record StreamEntries(IReadOnlyList<EntityFact> Facts)
{
    /// <summary>The raw entries of one of the entity's streams, by revision.</summary>
    public IReadOnlyList<IDomainEvent> Of(bool companion) => [.. Facts.Where(f => f.InCompanion == companion).Select(f => f.Fact)];

    /// <summary>The place among <see cref="Facts"/> of one stream's entry.</summary>
    public int OrderOf(bool companion, long revision) => Facts
        .Select((fact, order) => (fact, order))
        .Where(f => f.fact.InCompanion == companion)
        .Skip((int)revision)
        .First().order;
}

public sealed class CorrectionDecider : Decider<StreamEntries, CorrectionCommand>
{
    public override StreamEntries Initial { get; } = new([]);

    public override StreamEntries Evolve(StreamEntries state, IDomainEvent fact) => new([.. state.Facts, new EntityFact(false, fact)]);

    /// <summary>A correction names an entry by its revision, so it decides on the raw history, not the effective one.</summary>
    public override StreamEntries Fold(IEnumerable<IDomainEvent> history) => new(EntityFact.Of(history));

    public override StreamEntries FoldEntity(IReadOnlyList<EntityFact> facts) => new(facts);

    /// <summary>Amendments are recorded by no command of their own: a correction names its target.</summary>
    public override CorrectionCommand? CommandRecording(IDomainEvent fact, string streamId) => null;

    public override IReadOnlyList<IDomainEvent> Decide(StreamEntries state, CorrectionCommand command, Known known)
    {
        var inCompanion = Streams.IsConfidentialCompanion(command.TargetStream);
        var entries = state.Of(inCompanion);
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
            CorrectEntry c => [Correct(state, c, target, type, known)],
            RetractEntry c => [Retract(c, type, known)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    /// <summary>
    /// The correction's own fields are checked all together; the replacement's content is checked after them, as the
    /// command that would have recorded it, against the stream and what exists.
    /// </summary>
    private static EntryCorrected Correct(StreamEntries state, CorrectEntry c, IDomainEvent target, string type, Known known)
    {
        var (replacement, reason, source) = Fields.All(
            Fields.Check(() => SameConfidentiality(SameKind(c.Replacement, c.TargetRevision, type), target, c.TargetRevision)),
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

    /// <summary>
    /// An entry recorded in confidence stays so, and a public one public: the flag decides which stream the entry is in
    /// (and who was ever told of it), and a correction is appended beside the entry it corrects.
    /// </summary>
    private static IDomainEvent SameConfidentiality(IDomainEvent replacement, IDomainEvent target, long revision)
    {
        var was = Confidentiality.IsConfidential(target);
        return Confidentiality.IsConfidential(replacement) == was
            ? replacement
            : throw DomainException.Invalid(
                "replacement.in_confidence",
                was
                    ? $"the entry at revision {revision} was recorded in confidence and a correction cannot make it public: retract it, and record it again without in_confidence"
                    : $"the entry at revision {revision} was recorded in public and a correction cannot put it in confidence: retract it, and record it again with in_confidence");
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
        // Before the entry in the order recorded, across both the entity's streams: a response in confidence was decided
        // on the raisings, public or not, recorded before it.
        var targetOrder = state.OrderOf(Streams.IsConfidentialCompanion(c.TargetStream), c.TargetRevision);
        List<EntityFact> before = [.. EffectiveHistory.EntityEntries(state.Facts)
            .Where(e => e.Order < targetOrder)
            .Select(e => new EntityFact(e.InCompanion, e.Entry.Fact))];

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
        if (replacementStream != Streams.HomeOf(c.TargetStream))
        {
            throw DomainException.Invalid($"replacement.{category}_id", $"the replacement is an entry of stream '{replacementStream}', not of '{c.TargetStream}'");
        }

        return decidedReplacement;
    }

    /// <summary>The streams the stream's entries refer to, and the sources its amendments cite.</summary>
    private static IEnumerable<string> ReferredToBy(StreamEntries state, string streamId) => state.Facts.Select(f => f.Fact).SelectMany(fact => fact switch
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
