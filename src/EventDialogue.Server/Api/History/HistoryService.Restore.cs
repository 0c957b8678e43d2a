using System.Runtime.CompilerServices;
using EventDialogue.Api.V1;
using EventDialogue.Server.History.Restore;
using Grpc.Core;

namespace EventDialogue.Server.Api.History;

public sealed partial class HistoryService
{
    public override async Task<RestoreHistoryResponse> RestoreHistory(IAsyncStreamReader<RestoreHistoryRequest> requestStream, ServerCallContext context)
    {
        var restored = await Sender.Send(new RestoreHistoryCommand(ExportedEvents(requestStream, context.CancellationToken)), context.CancellationToken);
        return new RestoreHistoryResponse { EventCount = restored.EventCount, HeadPosition = restored.Head.Value };
    }

    private static async IAsyncEnumerable<HistoryEvent> ExportedEvents(IAsyncStreamReader<RestoreHistoryRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var request in requests.ReadAllAsync(cancellationToken))
        {
            foreach (var exported in request.Events)
            {
                yield return exported;
            }
        }
    }
}
