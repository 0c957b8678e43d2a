using System.Net;
using System.Net.Sockets;

namespace EventDialogue.Server.Tests.Hosting;

internal static class FreePorts
{
    /// <summary>
    /// Ports the OS has just handed out on loopback. All listeners stay open until every port is chosen,
    /// so the same port cannot come back twice.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Dispose());
        }
    }
}
