using EventDialogue.Api.V1;
using EventDialogue.Server.Views;

namespace EventDialogue.Server.Api.Views;

/// <summary>A view's rebuild between the API's messages and the command.</summary>
public static class RebuildViewMappings
{
    public static RebuildViewCommand ToCommand(this RebuildViewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.View);
    }

    public static RebuildViewResponse ToResponse(this RebuiltView rebuilt)
    {
        ArgumentNullException.ThrowIfNull(rebuilt);
        return new() { View = rebuilt.View, Checkpoint = rebuilt.Checkpoint.Value };
    }
}
