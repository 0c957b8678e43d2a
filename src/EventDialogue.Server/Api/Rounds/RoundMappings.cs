using EventDialogue.Api.V1;
using EventDialogue.Domain.Rounds;
using EventDialogue.Server.Api.Common;

namespace EventDialogue.Server.Api.Rounds;

internal static class RoundMappings
{
    public static ScheduleRound ToCommand(this ScheduleRoundRequest r) =>
        new(r.RoundId, r.DialogueId, r.Dates, r.Place.NullIfEmpty(), r.Source.Required());

    public static HoldRound ToCommand(this HoldRoundRequest r) =>
        new(r.RoundId, r.DialogueId, r.Dates, r.Place, r.Ordinal.NullIfEmpty(), r.Source.Required());

    public static NameDelegationMember ToCommand(this NameDelegationMemberRequest r) =>
        new(r.RoundId, r.Side, r.Name, r.Title.NullIfEmpty(), r.Agency.NullIfEmpty(), r.Leads, r.Source.Required());

    public static RecordSession ToCommand(this RecordSessionRequest r) =>
        new(r.RoundId, [.. r.Topics], r.Date.NullIfEmpty(), r.Source.Required());

    public static RecordSiteVisit ToCommand(this RecordSiteVisitRequest r) =>
        new(r.RoundId, r.Place, r.Host.NullIfEmpty(), [.. r.Topics], r.Date.NullIfEmpty(), r.Source.Required());

    public static CharacteriseOutcome ToCommand(this CharacteriseOutcomeRequest r) =>
        new(r.RoundId, r.Side, r.Characterisation, r.Source.Required());

    public static ConcludeRound ToCommand(this ConcludeRoundRequest r) =>
        new(r.RoundId, r.Date.NullIfEmpty(), r.Source.Required());
}
