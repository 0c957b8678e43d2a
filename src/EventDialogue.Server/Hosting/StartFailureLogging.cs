namespace EventDialogue.Server.Hosting;

/// <summary>
/// The host logs a failure to start (a port in use, say) as an error with its whole stack trace, then rethrows it;
/// Program reports that failure itself — in one line for a port in use — so while the host starts, the host's own
/// error record is held back. Every other record, and every record once started, goes through as configured.
/// </summary>
public sealed class StartFailureLogging
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private volatile bool _starting = true;

    /// <summary>From now on the host's errors are its own to log: a background service failing, say.</summary>
    public void Started() => _starting = false;

    /// <summary>Adds the hold-back to whichever configured rule applies to a logger, leaving its level as it was.</summary>
    public void Apply(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            // Rules are chosen per logger, most specific wins: wrapping each, plus a least specific one for loggers
            // no rule names, covers every logger without changing which rule wins.
            var rules = options.Rules.Select(Wrap).ToList();
            options.Rules.Clear();
            options.Rules.Add(new LoggerFilterRule(null, null, null, (_, category, level) => Allows(category, level)));
            foreach (var rule in rules)
            {
                options.Rules.Add(rule);
            }
        });
    }

    private LoggerFilterRule Wrap(LoggerFilterRule rule) => new(
        rule.ProviderName,
        rule.CategoryName,
        rule.LogLevel,
        (provider, category, level) => Allows(category, level) && (rule.Filter?.Invoke(provider, category, level) ?? true));

    private bool Allows(string? category, LogLevel level) =>
        !(_starting && level >= LogLevel.Error && string.Equals(category, HostCategory, StringComparison.Ordinal));
}
