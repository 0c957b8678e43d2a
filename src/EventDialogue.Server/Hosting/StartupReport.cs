using EventDialogue.EventStore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EventDialogue.Server.Hosting;

/// <summary>Once started: which address serves gRPC and which JSON, and which store holds how much — what a user checks first.</summary>
public static class StartupReport
{
    public static void Log(ILogger logger, IServer server, IConfiguration configuration, string store, Position head, string views)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(configuration);
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var endpoints = KestrelEndpoint.Read(configuration);
        foreach (var (key, api) in new[] { (ServerSettings.GrpcUrlKey, "gRPC (HTTP/2)"), (ServerSettings.JsonUrlKey, "JSON over HTTP/1.1") })
        {
            // Kestrel reports the bound addresses without their endpoint names; the configured port tells them apart.
            var endpoint = endpoints.FirstOrDefault(candidate => string.Equals(candidate.UrlKey, key, StringComparison.OrdinalIgnoreCase));
            var addresses = endpoint is null ? [] : bound.Where(address => BindingAddress.Parse(address).Port == endpoint.Address.Port).ToList();
            foreach (var address in addresses)
            {
                logger.Serving(api, address, key);
                bound.Remove(address);
            }
        }

        foreach (var address in bound)
        {
            logger.AlsoListening(address);
        }

        logger.EventStore(store, head == Position.Start ? "no events yet" : $"events up to position {head.Value}");
        logger.Views(views);
    }
}
