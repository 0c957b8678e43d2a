using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>Corrections and retractions apply to an entry of any stream, and are appended to that stream.</summary>
public abstract record CorrectionCommand(string TargetStream, long TargetRevision, string Reason, Citation? Source) : IDomainCommand
{
    public string Stream => TargetStream;

    public IEnumerable<string> References => Source is null ? [] : [Streams.Source(Source.SourceId)];
}

public sealed record CorrectEntry(string TargetStream, long TargetRevision, IDomainEvent Replacement, string Reason, Citation? Source) : CorrectionCommand(TargetStream, TargetRevision, Reason, Source);

public sealed record RetractEntry(string TargetStream, long TargetRevision, string Reason, Citation? Source) : CorrectionCommand(TargetStream, TargetRevision, Reason, Source);
