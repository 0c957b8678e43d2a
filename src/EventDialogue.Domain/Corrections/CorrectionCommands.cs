using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>Corrections and retractions apply to an entry of any stream, and are appended to that stream.</summary>
public abstract record CorrectionCommand(string TargetStream, long TargetRevision, string Reason, Citation? Source) : IDomainCommand
{
    public string Stream => TargetStream;

    public virtual IEnumerable<string> References => Source is null ? [] : [Streams.Source(Source.SourceId)];
}

public sealed record CorrectEntry(string TargetStream, long TargetRevision, IDomainEvent Replacement, string Reason, Citation? Source) : CorrectionCommand(TargetStream, TargetRevision, Reason, Source)
{
    /// <summary>
    /// The correction's source, and what the command that would have recorded the replacement refers to (its dialogue,
    /// round, evidence stream, …) — except the source the replacement cites. That one is not looked up: a replacement
    /// cites a source its stream already cites (known to exist since that entry was recorded) or the correction's own.
    /// </summary>
    public override IEnumerable<string> References
    {
        get
        {
            var replacement = ReplacementCommands.For(Replacement, Streams.IdOf(TargetStream));
            if (replacement is null)
            {
                return base.References;
            }

            var cited = ReplacementCommands.CitationOf(replacement) is { } citation ? Streams.Source(citation.SourceId) : null;
            return [.. base.References, .. replacement.References.Where(r => r != cited)];
        }
    }
}

public sealed record RetractEntry(string TargetStream, long TargetRevision, string Reason, Citation? Source) : CorrectionCommand(TargetStream, TargetRevision, Reason, Source);
