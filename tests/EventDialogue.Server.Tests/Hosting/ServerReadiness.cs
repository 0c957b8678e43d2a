using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;

namespace EventDialogue.Server.Tests.Hosting;

internal static class ServerReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Polls gRPC health until the server says SERVING. Connection refused only means "not listening yet";
    /// an exit or the timeout fails at once, with the server's output.
    /// </summary>
    /// <remarks>
    /// Each poll asks on a new channel: a channel whose connection was refused waits before it connects again, 1 s
    /// and then 1.6 times longer after each refusal, so one channel kept across the polls saw a server seconds after
    /// it was listening (tens of seconds on a busy machine, past the timeout once).
    /// </remarks>
    public static async Task WaitUntilServingAsync(this ServerProcess server, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var lastAnswer = "none yet";
        while (clock.Elapsed < timeout)
        {
            if (server.HasExited)
            {
                await server.Exited;
                throw new InvalidOperationException($"The server exited with code {server.ExitCode} before it was serving. Output:\n{server.Output}");
            }

            try
            {
                using var channel = server.CreateChannel();
                var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + Timeouts.Call);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                lastAnswer = reply.Status.ToString();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                lastAnswer = e.Status.ToString();
            }

            // The pause between polls ends early if the server dies, so a crash is reported without waiting.
            await Task.WhenAny(server.Exited, Task.Delay(PollInterval));
        }

        throw new TimeoutException($"The server was not SERVING after {timeout}; last answer: {lastAnswer}. Output:\n{server.Output}");
    }
}
