using EventDialogue.Domain.Common;
using EventDialogue.Domain.Rounds;
using EventDialogue.Server.Api.Common;

// The recording requests of rounds, each with the command it records. Generated messages are partial, so they are
// declared here, in the generated namespace, beside the feature rather than in a table of every request.
namespace EventDialogue.Api.V1;

public sealed partial class ScheduleRoundRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new ScheduleRound(RoundId, DialogueId, Dates, Place.NullIfEmpty(), Source.Required());
}

public sealed partial class HoldRoundRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new HoldRound(RoundId, DialogueId, Dates, Place, Ordinal.NullIfEmpty(), Source.Required());
}

public sealed partial class NameDelegationMemberRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new NameDelegationMember(RoundId, Side, Name, Title.NullIfEmpty(), Agency.NullIfEmpty(), Leads, Source.Required());
}

public sealed partial class RecordSessionRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RecordSession(RoundId, [.. Topics], Date.NullIfEmpty(), Source.Required());
}

public sealed partial class RecordSiteVisitRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RecordSiteVisit(RoundId, Place, Host.NullIfEmpty(), [.. Topics], Date.NullIfEmpty(), Source.Required());
}

public sealed partial class CharacteriseOutcomeRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new CharacteriseOutcome(RoundId, Side, Characterisation, Source.Required());
}

public sealed partial class ConcludeRoundRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new ConcludeRound(RoundId, Date.NullIfEmpty(), Source.Required());
}
