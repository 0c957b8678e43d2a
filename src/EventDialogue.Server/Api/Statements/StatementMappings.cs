using EventDialogue.Api.V1;
using EventDialogue.Domain.Statements;
using EventDialogue.Server.Api.Common;

namespace EventDialogue.Server.Api.Statements;

internal static class StatementMappings
{
    public static RecordStatement ToCommand(this RecordStatementRequest r) => new(
        r.StatementId,
        r.Speaker,
        r.SpeakerTitle.NullIfEmpty(),
        r.Side,
        r.Setting,
        r.Said,
        r.Place.NullIfEmpty(),
        r.Text,
        r.Exact,
        [.. r.Topics],
        r.Stance.NullIfEmpty(),
        r.RoundId.NullIfEmpty(),
        r.Source.Required());
}
