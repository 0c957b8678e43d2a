using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>Asks a server's gRPC health until it gives the wanted answer.</summary>
internal static class HealthWatch
{
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(100);

    /// <returns>How long it took.</returns>
    public static async Task<TimeSpan> WaitForAsync(GrpcChannel channel, ServingStatus wanted, TimeSpan timeout)
    {
        var health = new Health.HealthClient(channel);
        var clock = Stopwatch.StartNew();
        var last = "none yet";
        while (clock.Elapsed < timeout)
        {
            try
            {
                var status = (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + Timeouts.Call)).Status;
                if (status == wanted)
                {
                    return clock.Elapsed;
                }

                last = status.ToString();
            }
            catch (RpcException e)
            {
                last = e.Status.ToString();
            }

            await Task.Delay(Between);
        }

        throw new TimeoutException($"health was not {wanted} within {timeout}; last answer: {last}");
    }
}
