using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Statements;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Rounds;

/// <summary>
/// The rounds view: one document per round, and one link per case raised, commitment made or statement made about a
/// round, which the reader joins to the round by its <c>round</c> tag; and per round the cases and commitments its page
/// shows, gathered in one document (<see cref="RoundShownView"/>).
/// </summary>
public sealed class RoundsProjection(Func<string, string, int, IDomainEvent> readStored) : StreamProjection(readStored)
{
    /// <summary>
    /// The version is in the name (see <see cref="Commitments.CommitmentsProjection.ProjectionName"/>): v2 keeps a document
    /// per audience for a stream with a confidential fact (#12); v3 tags each link with its round and kind together
    /// (<see cref="RoundKindTag"/>); v4 keeps each round's cases and commitments in one document
    /// (<see cref="ShownCollection"/>). A store built before is built again from the log.
    /// </summary>
    public const string ProjectionName = "rounds-v4";

    /// <summary>
    /// A link's round and kind in one tag (<see cref="RoundKind"/>), so that a round's cases, commitments or statements
    /// are found from their own entries in the tag index, not by probing the kind of every link of the round (a round
    /// holds hundreds of statements, and GetRound spent most of its time on those probes). It takes the place of the
    /// kind's own tag, which nothing read without the round, so a link still writes two tag rows.
    /// </summary>
    public const string RoundKindTag = "round-kind";

    public const string RoundsCollection = ProjectionName;

    public const string LinksCollection = $"{ProjectionName}.links";

    /// <summary>
    /// Each round's cases and commitments in one document per audience, kept from the links as they change: a round's
    /// page is read by key, where a find of its links cost a probe of the tag index and a read per link (about 190 in
    /// the benchmark's rounds: 3–4x an empty call).
    /// </summary>
    public const string ShownCollection = $"{ProjectionName}.shown";

    public override string Name => ProjectionName;

    protected override IReadOnlyList<string> Categories => [Streams.RoundCategory, Streams.CaseCategory, Streams.CommitmentCategory, Streams.StatementCategory];

    protected override IReadOnlyList<string> DocumentCollections => [RoundsCollection, LinksCollection];

    protected override IReadOnlyList<string> SummaryCollections => [ShownCollection];

    protected override Task AfterBatchAsync(IViewTransaction views, IReadOnlyList<StreamChange> changes, CancellationToken cancellationToken) =>
        RoundShownLinks.ApplyAsync(views, changes, cancellationToken);

    protected override IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective) => stream.Category switch
    {
        Streams.RoundCategory => RoundDocument(stream.Id, effective),
        _ => Links(stream, effective),
    };

    private static IEnumerable<ViewDocument> RoundDocument(string roundId, IReadOnlyList<IDomainEvent> effective)
    {
        var view = effective.Aggregate((RoundView?)null, Evolve);
        if (view is null)
        {
            yield break;
        }

        var tags = new List<ViewTag> { new("dialogue", view.DialogueId), new("status", view.Status) };
        yield return new ViewDocument(RoundsCollection, roundId, ViewJson.Write(view), $"{view.Dates ?? "~"}|{roundId}", tags);
    }

    private static RoundView? Evolve(RoundView? round, IDomainEvent fact) => fact switch
    {
        RoundScheduled e => (round ?? New(e.RoundId, e.DialogueId)) with { Status = round?.Status ?? "scheduled", Dates = round?.Dates ?? e.Dates, Place = round?.Place ?? e.Place, Sources = [.. round?.Sources ?? [], e.Source] },
        RoundHeld e => (round ?? New(e.RoundId, e.DialogueId)) with { Status = round?.ConcludedOn is null ? "held" : "concluded", Dates = e.Dates, Place = e.Place ?? round?.Place, Ordinal = e.Ordinal, Sources = [.. round?.Sources ?? [], e.Source] },
        DelegationMemberNamed e when round is not null => round with { Delegations = Member(round.Delegations, e), Sources = [.. round.Sources, e.Source] },
        SessionHeld e when round is not null => round with { Sessions = [.. round.Sessions, new SessionView(e.Topics, e.Date)], Sources = [.. round.Sources, e.Source] },
        SiteVisited e when round is not null => round with { SiteVisits = [.. round.SiteVisits, new SiteVisitView(e.Place, e.Host, e.Topics, e.Date)], Sources = [.. round.Sources, e.Source] },
        OutcomeCharacterised e when round is not null => round with { Characterisations = [.. round.Characterisations, new CharacterisationView(e.Side, e.Characterisation)], Sources = [.. round.Sources, e.Source] },
        RoundConcluded e when round is not null => round with { Status = "concluded", ConcludedOn = e.Date ?? string.Empty, Sources = [.. round.Sources, e.Source] },
        _ => round,
    };

    private static RoundView New(string roundId, string dialogueId) => new(roundId, dialogueId, "scheduled", null, null, null, [], [], [], [], null, []);

    private static IReadOnlyList<DelegationView> Member(IReadOnlyList<DelegationView> delegations, DelegationMemberNamed e)
    {
        var member = new DelegateView(e.Name, e.Title, e.Agency, e.Leads);
        var existing = delegations.FirstOrDefault(d => d.Side == e.Side);
        var updated = existing is null
            ? new DelegationView(e.Side, e.Leads ? e.Name : null, [member])
            : existing with { LedBy = e.Leads ? e.Name : existing.LedBy, Members = [.. existing.Members, member] };
        return [.. delegations.Where(d => d.Side != e.Side), updated];
    }

    private static IEnumerable<ViewDocument> Links(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        var index = 0;
        foreach (var fact in effective)
        {
            var link = fact switch
            {
                CaseRaised { RoundId: { } round } e => new RoundLinkView(round, "case", stream.Value, stream.Id, CaseName(effective) ?? stream.Id, e.RaisedBy, e.Date, e.Publicly),
                CommitmentMade { RoundId: { } round } e => new RoundLinkView(round, "commitment", stream.Value, stream.Id, e.Words, string.Join(",", e.MadeBy), e.MadeOn, null),
                StatementRecorded { RoundId: { } round } e => new RoundLinkView(round, "statement", stream.Value, stream.Id, $"{e.Speaker}: {e.Text}", e.Side, e.Said, null),
                _ => null,
            };
            if (link is not null)
            {
                yield return new ViewDocument(LinksCollection, $"{stream.Value}#{index++}", ViewJson.Write(link), $"{link.Kind}|{link.Date}|{stream.Value}|{index:D4}", [new ViewTag("round", link.RoundId), new ViewTag(RoundKindTag, RoundKind(link.RoundId, link.Kind))]);
            }
        }
    }

    /// <summary>The value of <see cref="RoundKindTag"/> for a round's links of one kind.</summary>
    public static string RoundKind(string roundId, string kind) => $"{roundId}|{kind}";

    private static string? CaseName(IReadOnlyList<IDomainEvent> effective) => effective.OfType<CaseOpened>().FirstOrDefault()?.Names is [var first, ..] ? first.Text : null;
}
