using System.Net;
using System.Net.Sockets;

namespace EventDialogue.Server.Tests.Hosting;

internal static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// Ports the OS has just handed out on loopback, none of them given before in this test process. All listeners stay
    /// open until every port is chosen, so the same port cannot come back twice in one call.
    /// </summary>
    /// <remarks>
    /// A port is free only until it is bound, and a server binds its ports a second or more after they were chosen. The
    /// OS hands a port it took back out again, so two servers started side by side were once given the same port: one
    /// server's health check reached the other's HTTP/1 endpoint and failed (HTTP_1_1_REQUIRED). Never giving a port
    /// twice in one process rules that out; the ephemeral range is tens of thousands of ports, far more than a run takes.
    /// </remarks>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            lock (Given)
            {
                var ports = new List<int>();
                while (ports.Count < count)
                {
                    var listener = new TcpListener(IPAddress.Loopback, 0);
                    listeners.Add(listener);
                    listener.Start();
                    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    if (Given.Add(port))
                    {
                        ports.Add(port);
                    }
                }

                return [.. ports];
            }
        }
        finally
        {
            listeners.ForEach(listener => listener.Dispose());
        }
    }
}
