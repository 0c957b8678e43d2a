using EventDialogue.EventStore;
using Grpc.Core;

namespace EventDialogue.Server.Access;

/// <summary>Who is calling: the principal authentication put on the call, never anything the request says.</summary>
public static class CallerPrincipal
{
    /// <summary>The principal's name (an API key's name), stored as recorded-by on every event it records.</summary>
    public static string Name(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = context.GetHttpContext().User.Identity;

        // The policies let no call through to a service without a principal; reaching here without one is a wiring fault.
        return identity is { IsAuthenticated: true, Name: { Length: > 0 and <= StoreLimits.MaxMetadataFieldLength } name }
            ? name
            : throw new InvalidOperationException("A call reached a service without an authenticated principal.");
    }
}
