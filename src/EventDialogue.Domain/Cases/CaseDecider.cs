using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Cases;

public sealed record CaseState(bool Opened, int TimesRaised);

public sealed class CaseDecider : Decider<CaseState, CaseCommand>
{
    private const int MaxNames = 12;

    public override CaseState Initial { get; } = new(false, 0);

    public override CaseState Evolve(CaseState state, IDomainEvent fact) => fact switch
    {
        CaseOpened => state with { Opened = true },
        CaseRaised => state with { TimesRaised = state.TimesRaised + 1 },
        _ => state,
    };

    public override IReadOnlyList<IDomainEvent> Decide(CaseState state, CaseCommand command, Known known)
    {
        var id = EntityId.Require(command.CaseId, "case_id");
        var source = (command.Source ?? throw DomainException.Invalid("source", "every fact cites a source")).Validated("source");
        known.RequireSource(source, "source");
        if (command is OpenCase open)
        {
            return [Open(state, open, id, source)];
        }

        if (!state.Opened)
        {
            throw DomainException.NotFound($"case '{id}' does not exist: open it first");
        }

        return command switch
        {
            RaiseCase c => [Raise(c, source, known)],
            ReportCaseStatus c => [Report(c, source)],
            RecordCaseResponse c => [Respond(state, c, id, source)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    private static CaseOpened Open(CaseState state, OpenCase c, string id, Citation source)
    {
        if (state.Opened)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"case '{id}' is already open", "case_id");
        }

        var names = c.Names ?? [];
        if (names.Count == 0)
        {
            throw DomainException.Invalid("names", "a case has at least one name");
        }

        if (names.Count > MaxNames)
        {
            throw DomainException.Invalid("names", $"a case has at most {MaxNames} names; this one has {names.Count}");
        }

        var checkedNames = names.Select((n, i) => new CaseName(
            Text.Require(n?.Text, $"names[{i}].text", Text.Name),
            Script(n?.Script, $"names[{i}].script"))).ToList();
        return new CaseOpened(id, Vocabulary.Require(c.Kind, "kind", Vocabulary.CaseKinds), checkedNames, Text.Optional(c.Description, "description", Text.Paragraph), source);
    }

    private static CaseRaised Raise(RaiseCase c, Citation source, Known known)
    {
        var channel = Vocabulary.Require(c.Channel, "channel", Vocabulary.Channels);
        var round = c.RoundId is null ? null : EntityId.Require(c.RoundId, "round_id");
        if (channel == "round" && round is null)
        {
            throw DomainException.Invalid("round_id", "a case raised in a round names the round");
        }

        if (round is not null)
        {
            known.Require(Streams.Round(round), "round_id", "round");
        }

        return new CaseRaised(Side.Require(c.RaisedBy, "raised_by"), channel, round, c.Publicly, WorldDate.Require(c.Date, "date"), source);
    }

    private static CaseStatusReported Report(ReportCaseStatus c, Citation source)
    {
        var status = Vocabulary.Require(c.Status, "status", Vocabulary.CaseStatuses);
        var term = Text.Optional(c.Term, "term", Text.Name);
        if (term is not null && status != "sentenced")
        {
            throw DomainException.Invalid("term", $"a term goes with a 'sentenced' status, not '{status}'");
        }

        return new CaseStatusReported(
            status,
            WorldDate.Require(c.AsOf, "as_of"),
            term,
            Text.Optional(c.Charge, "charge", Text.Title),
            Text.Optional(c.Detail, "detail", Text.Paragraph),
            Vocabulary.Require(c.Certainty, "certainty", Vocabulary.Certainties),
            Vocabulary.Require(c.SourceType, "source_type", Vocabulary.SourceTypes),
            source);
    }

    private static CaseResponseReceived Respond(CaseState state, RecordCaseResponse c, string id, Citation source)
    {
        if (state.TimesRaised == 0)
        {
            throw DomainException.Conflict($"case '{id}' has not been raised, so no response to it can be recorded", "case_id");
        }

        return new CaseResponseReceived(
            Side.Require(c.From, "from"),
            Vocabulary.Require(c.Response, "response", Vocabulary.Responses),
            WorldDate.Require(c.Date, "date"),
            Text.Optional(c.Detail, "detail", Text.Paragraph),
            source);
    }

    private static string Script(string? script, string field)
    {
        var value = Text.Require(script, field, 4);
        return value.Length == 4 && char.IsAsciiLetterUpper(value[0]) && value[1..].All(char.IsAsciiLetterLower)
            ? value
            : throw DomainException.Invalid(field, $"'{value}' is not an ISO 15924 script code such as Latn, Hans or Hant");
    }
}
