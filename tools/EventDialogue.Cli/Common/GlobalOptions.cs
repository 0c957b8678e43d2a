using System.CommandLine;
using EventDialogue.Client.Connection;

namespace EventDialogue.Cli.Common;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Server = new("--server")
    {
        Description = $"The server's gRPC address (default: ${ServerAddress.EnvironmentVariable}, else {ServerAddress.Default}).",
        DefaultValueFactory = _ => ServerAddress.FromEnvironmentOrDefault(),
        Recursive = true,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = $"The API key to call with (default: ${ApiKeySource.EnvironmentVariable}, else the file {ApiKeySource.DefaultFile}).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the answer as JSON (the API's JSON form) instead of tables.",
        Recursive = true,
    };
}
