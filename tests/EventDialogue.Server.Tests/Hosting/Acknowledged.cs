using System.Diagnostics;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>
/// Sends a recording call until the server acknowledges it. Safe only because the request carries its request id:
/// a retry of a call that was in fact recorded records nothing new and answers with the first result.
/// </summary>
internal static class Acknowledged
{
    public static async Task<T> RecordAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call(new CallOptions(deadline: DateTime.UtcNow + Timeouts.Call));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Unknown or StatusCode.Internal or StatusCode.DeadlineExceeded
                && clock.Elapsed < timeout)
            {
                // the database is (or was just) away: the same request again, after a pause
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
