namespace EventDialogue.Server.Hosting;

/// <summary>What --help prints: how settings are given, and every setting with its default and environment variable.</summary>
public static class ServerHelp
{
    /// <param name="defaults">appsettings.json alone, whose values are the defaults where it sets them.</param>
    public static string Text(IConfiguration defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var lines = new List<string>
        {
            "EventDialogue.Server: the EventDialogue gRPC server (gRPC, and JSON over HTTP).",
            "",
            "Usage: EventDialogue.Server [--SETTING=VALUE]...",
            "       dotnet run --project src/EventDialogue.Server -- [--SETTING=VALUE]...",
            "",
            "Each setting comes from appsettings.json, then an environment variable (EVENTDIALOGUE_ prefix, '__' between",
            "levels), then the command line (--SETTING=VALUE or --SETTING VALUE); the last one given wins.",
            "An unknown option or setting stops the server before it opens anything.",
            "",
            "Settings:",
        };
        foreach (var setting in ServerSettings.All)
        {
            lines.Add($"  --{setting.Key}");
            lines.Add($"      {setting.Meaning}");
            lines.Add($"      default: {defaults[setting.Key] ?? setting.Default}");
            lines.Add($"      environment: {setting.EnvironmentVariable}");
        }

        lines.AddRange(
        [
            "",
            "Other ASP.NET Core settings (Logging:*, Kestrel:*, urls, environment...) are accepted as ASP.NET Core reads them.",
            "",
            "Exit codes: 0 stopped; 2 cannot start, a setting is wrong or a port is in use; 1 any other failure to start.",
        ]);
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
