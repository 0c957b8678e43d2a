namespace EventDialogue.Client.Connection;

/// <summary>Where a client finds its API key: the --api-key option, else EVENTDIALOGUE_API_KEY, else a file in the user's config folder.</summary>
public static class ApiKeySource
{
    public const string EnvironmentVariable = "EVENTDIALOGUE_API_KEY";

    /// <summary>~/.config/eventdialogue/api-key on Linux ($XDG_CONFIG_HOME when set), %APPDATA%\eventdialogue\api-key on Windows.</summary>
    public static string DefaultFile => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "eventdialogue", "api-key");

    /// <summary>The key to send, or null to send none (the server then answers UNAUTHENTICATED, saying how to send one).</summary>
    public static string? Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option.Trim();
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { } variable && !string.IsNullOrWhiteSpace(variable))
        {
            return variable.Trim();
        }

        return File.Exists(DefaultFile) && File.ReadAllText(DefaultFile).Trim() is { Length: > 0 } stored ? stored : null;
    }
}
