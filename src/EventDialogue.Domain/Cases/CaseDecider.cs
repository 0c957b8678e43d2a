using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Cases;

/// <summary>
/// A command's fields are checked first, all together, so that a refusal names every wrong one; then what it names must
/// exist, and then it must fit the case as it stands.
/// </summary>
public sealed class CaseDecider : Decider<CaseState, CaseCommand>
{
    private const int MaxNames = 12;

    public override CaseState Initial => CaseState.Initial;

    public override CaseState Evolve(CaseState state, IDomainEvent fact) => state.After(fact);

    public override CaseCommand? CommandRecording(IDomainEvent fact, string streamId) => fact switch
    {
        CaseOpened e => new OpenCase(e.CaseId, e.Kind, e.Names, e.Description, e.Source),
        CaseRaised e => new RaiseCase(streamId, e.RaisedBy, e.Channel, e.RoundId, e.Publicly, e.Date, e.Source, e.InConfidence),
        CaseStatusReported e => new ReportCaseStatus(streamId, e.Status, e.AsOf, e.Term, e.Charge, e.Detail, e.Certainty, e.SourceType, e.Source),
        CaseResponseReceived e => new RecordCaseResponse(streamId, e.From, e.Response, e.Date, e.Detail, e.Source, e.InConfidence),
        _ => null,
    };

    public override IReadOnlyList<IDomainEvent> Decide(CaseState state, CaseCommand command, Known known)
    {
        var id = Fields.Check(() => EntityId.Require(command.CaseId, "case_id"));
        var source = Fields.Check(() => Citation.Required(command.Source, "source"));
        return command switch
        {
            OpenCase c => [Open(state, c, id, source, known)],
            RaiseCase c => [Raise(state, c, id, source, known)],
            ReportCaseStatus c => [Report(state, c, id, source, known)],
            RecordCaseResponse c => [Respond(state, c, id, source, known)],
            _ => throw new InvalidOperationException($"no decision for {command.GetType().Name}"),
        };
    }

    private static CaseOpened Open(CaseState state, OpenCase c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (caseId, kind, names, description, cited) = Fields.All(
            id,
            Fields.Check(() => Vocabulary.Require(c.Kind, "kind", Vocabulary.CaseKinds)),
            Names(c.Names),
            Fields.Check(() => Text.Optional(c.Description, "description", Text.Paragraph)),
            source);
        known.RequireSource(cited, "source");
        if (state is CaseState.Open)
        {
            throw new DomainException(DomainErrorKind.AlreadyExists, $"case '{caseId}' is already open", "case_id");
        }

        return new CaseOpened(caseId, kind, names, description, cited);
    }

    private static CaseRaised Raise(CaseState state, RaiseCase c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var channel = Fields.Check(() => Vocabulary.Require(c.Channel, "channel", Vocabulary.Channels));
        var (caseId, raisedBy, raisedIn, round, date, cited) = Fields.All(
            id,
            Fields.Check(() => Side.Require(c.RaisedBy, "raised_by")),
            channel,
            Fields.Check(() => c.RoundId is null ? null : EntityId.Require(c.RoundId, "round_id")).Against(channel, RoundOfChannel),
            Fields.Check(() => WorldDate.Require(c.Date, "date")),
            source);
        if (c.InConfidence && c.Publicly)
        {
            throw DomainException.Invalid("in_confidence", "a case raised in confidence was not raised publicly: give publicly false, or in_confidence false");
        }

        Existing(state, caseId, cited, known);
        if (round is not null)
        {
            known.Require(Streams.Round(round), "round_id", "round");
        }

        return new CaseRaised(raisedBy, raisedIn, round, c.Publicly, date, cited, c.InConfidence);
    }

    private static CaseStatusReported Report(CaseState state, ReportCaseStatus c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var status = Fields.Check(() => Vocabulary.Require(c.Status, "status", Vocabulary.CaseStatuses));
        var (caseId, reported, asOf, term, charge, detail, certainty, sourceType, cited) = Fields.All(
            id,
            status,
            Fields.Check(() => WorldDate.Require(c.AsOf, "as_of")),
            Fields.Check(() => Text.Optional(c.Term, "term", Text.Name)).Against(status, TermOfStatus),
            Fields.Check(() => Text.Optional(c.Charge, "charge", Text.Title)),
            Fields.Check(() => Text.Optional(c.Detail, "detail", Text.Paragraph)),
            Fields.Check(() => Vocabulary.Require(c.Certainty, "certainty", Vocabulary.Certainties)),
            Fields.Check(() => Vocabulary.Require(c.SourceType, "source_type", Vocabulary.SourceTypes)),
            source);
        Existing(state, caseId, cited, known);
        return new CaseStatusReported(reported, asOf, term, charge, detail, certainty, sourceType, cited);
    }

    private static CaseResponseReceived Respond(CaseState state, RecordCaseResponse c, FieldCheck<string> id, FieldCheck<Citation> source, Known known)
    {
        var (caseId, from, response, date, detail, cited) = Fields.All(
            id,
            Fields.Check(() => Side.Require(c.From, "from")),
            Fields.Check(() => Vocabulary.Require(c.Response, "response", Vocabulary.Responses)),
            Fields.Check(() => WorldDate.Require(c.Date, "date")),
            Fields.Check(() => Text.Optional(c.Detail, "detail", Text.Paragraph)),
            source);
        if (Existing(state, caseId, cited, known) is { TimesRaised: 0 })
        {
            throw DomainException.Conflict($"case '{caseId}' has not been raised, so no response to it can be recorded", "case_id");
        }

        return new CaseResponseReceived(from, response, date, detail, cited, c.InConfidence);
    }

    private static CaseState.Open Existing(CaseState state, string id, Citation source, Known known)
    {
        known.RequireSource(source, "source");
        return state as CaseState.Open ?? throw DomainException.NotFound($"case '{id}' does not exist: open it first");
    }

    private static string? RoundOfChannel(string? round, string channel) => channel == "round" && round is null
        ? throw DomainException.Invalid("round_id", "a case raised in a round names the round")
        : round;

    private static string? TermOfStatus(string? term, string status) => term is not null && status != "sentenced"
        ? throw DomainException.Invalid("term", $"a term goes with a 'sentenced' status, not '{status}'")
        : term;

    /// <summary>A case is known by one name or a few, each in its script; every wrong name is named by its place.</summary>
    private static FieldCheck<IReadOnlyList<CaseName>> Names(IReadOnlyList<CaseName>? names) => Fields.Check(() => names switch
    {
        null or [] => throw DomainException.Invalid("names", "a case has at least one name"),
        { Count: > MaxNames } => throw DomainException.Invalid("names", $"a case has at most {MaxNames} names; this one has {names.Count}"),
        _ => Fields.Each(names, (name, i) =>
        {
            var (text, script) = Fields.All(
                Fields.Check(() => Text.Require(name?.Text, $"names[{i}].text", Text.Name)),
                Fields.Check(() => Script(name?.Script, $"names[{i}].script")));
            return new CaseName(text, script);
        }).OrThrow(),
    });

    private static string Script(string? script, string field)
    {
        var value = Text.Require(script, field, 4);
        return value.Length == 4 && char.IsAsciiLetterUpper(value[0]) && value[1..].All(char.IsAsciiLetterLower)
            ? value
            : throw DomainException.Invalid(field, $"'{value}' is not an ISO 15924 script code such as Latn, Hans or Hant");
    }
}
