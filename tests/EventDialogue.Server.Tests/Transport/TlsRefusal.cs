using System.Security.Authentication;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Transport;

/// <summary>
/// A call that never reached a handler because TLS failed. gRPC reports it as UNAVAILABLE or INTERNAL depending on
/// when the connection broke (during the handshake, or as the first request went out), so what tells it apart is the
/// transport's own exception under the status, and that no status came from the server.
/// </summary>
internal static class TlsRefusal
{
    /// <summary>The client refused the server's certificate: .NET's TLS reports an authentication failure.</summary>
    public static bool IsClientRejection(RpcException refusal) => Causes(refusal).Any(cause => cause is AuthenticationException);

    /// <summary>The server refused the client (no certificate, or one it does not trust): the connection failed under the call.</summary>
    public static bool IsHandshakeFailure(RpcException refusal) =>
        refusal.StatusCode is StatusCode.Unavailable or StatusCode.Internal &&
        Causes(refusal).Any(cause => cause is AuthenticationException or IOException or HttpRequestException);

    private static IEnumerable<Exception> Causes(RpcException refusal)
    {
        for (var cause = refusal.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
