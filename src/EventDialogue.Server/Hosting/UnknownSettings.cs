namespace EventDialogue.Server.Hosting;

/// <summary>
/// Keys under our own sections that no code reads, from any source (appsettings.json, environment, command line):
/// a typo there would otherwise leave the default silently in force.
/// </summary>
public static class UnknownSettings
{
    /// <summary>A sentence naming the first unknown key, and the known one it is closest to; null when all are known.</summary>
    public static string? Find(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unknown = ServerSettings.OwnSections
            .SelectMany(section => configuration.GetSection(section).AsEnumerable())
            .Where(entry => entry.Value is not null && !ServerSettings.IsKnown(entry.Key) && !IsEmptySection(configuration, entry.Key, entry.Value))
            .Select(entry => entry.Key)
            .Order(StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
        if (unknown is null)
        {
            return null;
        }

        var nearest = NearestName.Find(unknown, ServerSettings.All.Select(setting => setting.Key));
        var suggestion = nearest is null ? "" : $" (did you mean {nearest}?)";
        return $"unknown setting {unknown}{suggestion}; --help lists the settings.";
    }

    /// <summary>
    /// An empty value on a key that has keys below it sets nothing: ASP.NET Core's test host passes its configuration
    /// on as arguments, each section as --Section= beside its --Section:Key=value.
    /// </summary>
    private static bool IsEmptySection(IConfiguration configuration, string key, string value) =>
        value.Length == 0 && configuration.GetSection(key).GetChildren().Any();
}
