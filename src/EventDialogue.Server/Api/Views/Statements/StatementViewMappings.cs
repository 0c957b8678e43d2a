using EventDialogue.Api.V1;
using EventDialogue.Server.Api.Views.Common;
using Grpc.Core;

namespace EventDialogue.Server.Api.Views.Statements;

public static class StatementViewMappings
{
    public static GetStatementQuery ToQuery(this GetStatementRequest request, ServerCallContext context) =>
        new(request.StatementId, Freshness.Of(request.MinPosition, context));

    public static ListStatementsQuery ToQuery(this ListStatementsRequest request, ServerCallContext context) => new(
        request.Speaker,
        request.Side,
        request.Topic,
        request.RoundId,
        request.SourceId,
        request.Setting,
        request.Query,
        request.PageSize,
        request.PageToken,
        Freshness.Of(request.MinPosition, context));

    public static ListStatementsResponse ToResponse(this Listed<StatementRead> listed) => new()
    {
        Statements = { listed.Items.Select(ToApi) },
        NextPageToken = listed.NextPageToken,
    };

    public static Statement ToApi(this StatementRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var view = read.Statement;
        return new Statement
        {
            StatementId = view.StatementId,
            Speaker = view.Speaker,
            SpeakerTitle = view.SpeakerTitle.OrEmpty(),
            Side = view.Side,
            Setting = view.Setting,
            Said = view.Said,
            Place = view.Place.OrEmpty(),
            Text = view.Text,
            Exact = view.Exact,
            Topics = { view.Topics },
            Stance = view.Stance.OrEmpty(),
            RoundId = view.RoundId.OrEmpty(),
            Source = view.Source.ToApi(),
            Match = read.Match.ToApi(),
        };
    }
}
