using EventDialogue.Api.V1;
using Grpc.Core;

namespace EventDialogue.Client.Connection;

/// <summary>Waits until every view has applied the log up to a position, so that reads after a write show it.</summary>
public static class ViewsCatchUp
{
    public static async Task WaitAsync(ViewsService.ViewsServiceClient views, long position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = new CallOptions(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken);
        // One small read per view: each answers only once its projection has reached the position.
        await views.ListRoundsAsync(new ListRoundsRequest { PageSize = 1, MinPosition = position }, options).ConfigureAwait(false);
        await views.ListCaseFilesAsync(new ListCaseFilesRequest { PageSize = 1, MinPosition = position }, options).ConfigureAwait(false);
        await views.ListCommitmentsAsync(new ListCommitmentsRequest { PageSize = 1, MinPosition = position }, options).ConfigureAwait(false);
        await views.ListStatementsAsync(new ListStatementsRequest { PageSize = 1, MinPosition = position }, options).ConfigureAwait(false);
        await views.ListTopicsAsync(new ListTopicsRequest { PageSize = 1, MinPosition = position }, options).ConfigureAwait(false);
    }
}
