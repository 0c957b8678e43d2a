using System.Reflection;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>
/// Where the built assemblies of the programs under test (the server, the command-line client) and the dotnet host
/// are. The project file bakes the paths in at build time, so the tests follow whatever configuration and output
/// folder the build used.
/// </summary>
internal static class BuiltAssemblies
{
    public static string Server() => Locate("EventDialogue.Server.Path");

    public static string Cli() => Locate("EventDialogue.Cli.Path");

    /// <summary>The dotnet host running these tests, so the programs run on the same runtime; PATH's otherwise.</summary>
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

    private static string Locate(string key)
    {
        var path = typeof(BuiltAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"The assembly {key} names is not at '{path}', where the build said it would be; build the solution first.");
        }

        return path;
    }
}
