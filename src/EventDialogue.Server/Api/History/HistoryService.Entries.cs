using EventDialogue.Api.V1;
using EventDialogue.Server.History.Entries;
using Grpc.Core;

namespace EventDialogue.Server.Api.History;

public sealed partial class HistoryService
{
    public override async Task<GetEntryHistoryResponse> GetEntryHistory(GetEntryHistoryRequest request, ServerCallContext context) =>
        (await Sender.Send(request.ToQuery(), context.CancellationToken)).ToResponse();

    public override async Task<GetEntryAsOfResponse> GetEntryAsOf(GetEntryAsOfRequest request, ServerCallContext context) =>
        (await Sender.Send(request.ToQuery(), context.CancellationToken)).ToResponse();
}
