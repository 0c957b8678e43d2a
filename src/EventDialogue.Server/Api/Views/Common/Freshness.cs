using Grpc.Core;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>
/// Read-your-writes: the global position a read must see (0 for the view as it is), and until when the caller may wait
/// for the view to reach it (<see cref="DateTime.MaxValue"/> when the call has no deadline).
/// </summary>
public sealed record Freshness(long MinPosition, DateTime Deadline)
{
    public static Freshness Of(long minPosition, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Freshness(minPosition, context.Deadline);
    }
}
