namespace EventDialogue.Server.Hosting;

/// <summary>
/// The command line, read before anything else: --help, or settings as --Key=value, --Key value, /Key=value or
/// Key=value (the forms .NET's command-line configuration accepts). What .NET would silently ignore or crash on — a
/// bare word, a single-dash option, a key with no value, a top-level section nobody reads — is a problem here instead.
/// </summary>
public sealed record ServerArguments(bool WantsHelp, string? Problem)
{
    private static readonly HashSet<string> HelpOptions = new(["--help", "-h", "-?", "/?", "/help", "/h"], StringComparer.OrdinalIgnoreCase);

    public static ServerArguments Read(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (HelpOptions.Contains(argument))
            {
                return new ServerArguments(WantsHelp: true, Problem: null);
            }

            var (key, hasValue) = Split(argument);
            if (key is null)
            {
                return Refused($"unknown option {argument}");
            }

            var section = key.Split(':')[0];
            if (!ServerSettings.OwnSections.Contains(section) && !ServerSettings.FrameworkSections.Contains(section))
            {
                return Refused($"unknown option {argument}{Suggestion(key)}");
            }

            if (!hasValue && ++i == args.Count)
            {
                return Refused($"{argument} needs a value: {argument}=VALUE");
            }
        }

        return new ServerArguments(WantsHelp: false, Problem: null);
    }

    /// <summary>The key an argument sets and whether the value is in it; a null key for a form that sets nothing.</summary>
    private static (string? Key, bool HasValue) Split(string argument)
    {
        var name = argument switch
        {
            _ when argument.StartsWith("--", StringComparison.Ordinal) => argument[2..],
            _ when argument.StartsWith('/') => argument[1..],
            _ when argument.StartsWith('-') => null,
            _ when argument.Contains('=', StringComparison.Ordinal) => argument,
            _ => null,
        };
        if (name is null)
        {
            return (null, false);
        }

        var equals = name.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? name : name[..equals];
        return (key.Length == 0 ? null : key, equals >= 0);
    }

    private static string Suggestion(string key) =>
        NearestName.Find(key, ServerSettings.All.Select(setting => setting.Key)) is { } nearest ? $" (did you mean --{nearest}?)" : "";

    private static ServerArguments Refused(string problem) => new(WantsHelp: false, Problem: $"{problem}; --help lists the settings.");
}
