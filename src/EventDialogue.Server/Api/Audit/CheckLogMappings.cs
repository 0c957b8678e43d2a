using EventDialogue.Api.V1;
using EventDialogue.Server.Integrity;

namespace EventDialogue.Server.Api.Audit;

/// <summary>The log's self-check between the API's messages and the query.</summary>
public static class CheckLogMappings
{
    public static CheckLogQuery ToQuery(this CheckLogRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Full);
    }

    public static CheckLogResponse ToResponse(this LogCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var response = new CheckLogResponse
        {
            Consistent = result.Problem is null,
            Full = result.Full,
            TreeSize = result.TreeSize,
            EventsChecked = result.EventsChecked,
            CheckpointsChecked = result.CheckpointsChecked,
            Problem = result.Problem?.Description ?? string.Empty,
        };
        if (result.Problem?.Position is { } position)
        {
            response.FirstBadPosition = position;
        }

        return response;
    }
}
