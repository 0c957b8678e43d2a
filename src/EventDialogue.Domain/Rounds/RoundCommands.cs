using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Rounds;

public abstract record RoundCommand(string RoundId, Citation Source) : IDomainCommand
{
    public string Stream => Streams.Round(RoundId);

    public virtual IEnumerable<string> References => [Streams.Source(Source?.SourceId ?? string.Empty)];
}

public sealed record ScheduleRound(string RoundId, string DialogueId, string Dates, string? Place, Citation Source) : RoundCommand(RoundId, Source)
{
    public override IEnumerable<string> References => [.. base.References, Streams.Dialogue(DialogueId ?? string.Empty)];
}

public sealed record HoldRound(string RoundId, string DialogueId, string Dates, string? Place, string? Ordinal, Citation Source) : RoundCommand(RoundId, Source)
{
    public override IEnumerable<string> References => [.. base.References, Streams.Dialogue(DialogueId ?? string.Empty)];
}

public sealed record NameDelegationMember(string RoundId, string Side, string Name, string? Title, string? Agency, bool Leads, Citation Source) : RoundCommand(RoundId, Source);

public sealed record RecordSession(string RoundId, IReadOnlyList<string> Topics, string? Date, Citation Source) : RoundCommand(RoundId, Source);

public sealed record RecordSiteVisit(string RoundId, string Place, string? Host, IReadOnlyList<string> Topics, string? Date, Citation Source) : RoundCommand(RoundId, Source);

public sealed record CharacteriseOutcome(string RoundId, string Side, string Characterisation, Citation Source) : RoundCommand(RoundId, Source);

public sealed record ConcludeRound(string RoundId, string? Date, Citation Source) : RoundCommand(RoundId, Source);
