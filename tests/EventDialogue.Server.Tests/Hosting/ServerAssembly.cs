using System.Reflection;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>
/// Where the server's built assembly and the dotnet host are. The project file bakes the assembly's path in at
/// build time, so the tests follow whatever configuration and output folder the build used.
/// </summary>
internal static class ServerAssembly
{
    private const string PathKey = "EventDialogue.Server.Path";

    public static string Locate()
    {
        var path = typeof(ServerAssembly).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == PathKey)?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"The server assembly is not at '{path}', where the build said it would be; build the solution first.");
        }

        return path;
    }

    /// <summary>The dotnet host running these tests, so the server runs on the same runtime; PATH's otherwise.</summary>
    public static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
