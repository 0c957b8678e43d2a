namespace EventDialogue.Server.Hosting;

/// <summary>One setting the server reads, as --help shows it.</summary>
/// <param name="Key">The configuration key, levels joined by ':'.</param>
/// <param name="Default">What applies when nothing sets it, unless appsettings.json says otherwise.</param>
/// <param name="Meaning">What it changes, in a few words.</param>
public sealed record ServerSetting(string Key, string Default, string Meaning)
{
    public const string EnvironmentPrefix = "EVENTDIALOGUE_";

    /// <summary>The environment-variable form: the prefix, and '__' between levels because ':' is not allowed everywhere.</summary>
    public string EnvironmentVariable => EnvironmentPrefix + Key.Replace(":", "__", StringComparison.Ordinal);

    public string Section => Key.Split(':')[0];
}
