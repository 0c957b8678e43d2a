using EventDialogue.Api.V1;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Server.Api.Views.Common;
using Grpc.Core;

namespace EventDialogue.Server.Api.Views.Rounds;

public static class RoundViewMappings
{
    public static GetRoundQuery ToQuery(this GetRoundRequest request, ServerCallContext context) =>
        new(request.RoundId, Freshness.Of(request.MinPosition, context));

    public static ListRoundsQuery ToQuery(this ListRoundsRequest request, ServerCallContext context) =>
        new(request.DialogueId, request.Status, request.PageSize, request.PageToken, Freshness.Of(request.MinPosition, context));

    public static ListRoundsResponse ToResponse(this Listed<RoundRead> listed) => new()
    {
        Rounds = { listed.Items.Select(ToApi) },
        NextPageToken = listed.NextPageToken,
    };

    public static Round ToApi(this RoundRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var view = read.Round;
        return new Round
        {
            RoundId = view.RoundId,
            DialogueId = view.DialogueId,
            Status = view.Status,
            Ordinal = view.Ordinal.OrEmpty(),
            Dates = view.Dates.OrEmpty(),
            Place = view.Place.OrEmpty(),
            Delegations = { view.Delegations.Select(ToApi) },
            Sessions = { view.Sessions.Select(s => new RoundSession { Topics = { s.Topics }, Date = s.Date.OrEmpty() }) },
            SiteVisits = { view.SiteVisits.Select(v => new RoundSiteVisit { Place = v.Place, Host = v.Host.OrEmpty(), Topics = { v.Topics }, Date = v.Date.OrEmpty() }) },
            Characterisations = { view.Characterisations.Select(c => new RoundCharacterisation { Side = c.Side, Characterisation = c.Characterisation }) },
            ConcludedOn = view.ConcludedOn.OrEmpty(),
            Sources = { view.Sources.ToApi() },
            CasesRaised = { read.Links.Where(l => l.Kind == "case").Select(CaseRaised) },
            CommitmentsMade = { read.Links.Where(l => l.Kind == "commitment").Select(CommitmentMade) },
            StatementsCount = read.StatementsCount,
        };
    }

    private static RoundDelegation ToApi(DelegationView delegation) => new()
    {
        Side = delegation.Side,
        LedBy = delegation.LedBy.OrEmpty(),
        Members = { delegation.Members.Select(m => new RoundDelegate { Name = m.Name, Title = m.Title.OrEmpty(), Agency = m.Agency.OrEmpty(), Leads = m.Leads }) },
    };

    private static RoundCaseRaised CaseRaised(RoundLinkView link) => new()
    {
        CaseId = link.Id,
        Name = link.Summary,
        RaisedBy = link.Side.OrEmpty(),
        Date = link.Date.OrEmpty(),
        Publicly = link.Publicly ?? false,
    };

    // The link keeps the parties of a commitment joined by commas.
    private static RoundCommitmentMade CommitmentMade(RoundLinkView link) => new()
    {
        CommitmentId = link.Id,
        Words = link.Summary,
        MadeBy = { (link.Side ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries) },
        MadeOn = link.Date.OrEmpty(),
    };
}
