using System.Globalization;

namespace EventDialogue.Server.Limits;

/// <summary>What one caller may ask of the server: the "Limits" configuration section, checked at start.</summary>
/// <param name="MaxReceiveMessageBytes">The largest gRPC message a client may send.</param>
/// <param name="MaxSendMessageBytes">The largest gRPC message the server sends; a bigger answer fails rather than swamping a client.</param>
/// <param name="MaxStreamsPerConnection">HTTP/2 streams (calls) open at once on one connection; more wait for one to end.</param>
/// <param name="RateLimitCalls">Calls one principal may start per window; 0 turns the limit off.</param>
/// <param name="RateLimitWindow">The window the calls are counted in.</param>
public sealed record LimitOptions(int MaxReceiveMessageBytes, int MaxSendMessageBytes, int MaxStreamsPerConnection, int RateLimitCalls, TimeSpan RateLimitWindow)
{
    public const string Section = "Limits";
    public const string MaxReceiveMessageBytesKey = Section + ":MaxReceiveMessageBytes";
    public const string MaxSendMessageBytesKey = Section + ":MaxSendMessageBytes";
    public const string MaxStreamsPerConnectionKey = Section + ":MaxStreamsPerConnection";
    public const string RateLimitCallsKey = Section + ":RateLimit:Calls";
    public const string RateLimitWindowSecondsKey = Section + ":RateLimit:WindowSeconds";

    // gRPC's own default: far above any request this API takes (a check of 1000 requests included).
    public const int DefaultMaxReceiveMessageBytes = 4 * 1024 * 1024;

    // Answers are a page, a case file or a proof: 16 MiB is far above them, and bounds what one client can make the server build.
    public const int DefaultMaxSendMessageBytes = 16 * 1024 * 1024;

    // Kestrel's own default.
    public const int DefaultMaxStreamsPerConnection = 100;

    // A flood guard, not a quota: well above what an importer or a busy client needs, so an operator lowers it per deployment.
    public const int DefaultRateLimitCalls = 1000;
    public const int DefaultRateLimitWindowSeconds = 1;

    private const int MinMessageBytes = 1024;
    private const int MaxWindowSeconds = 86_400;

    /// <exception cref="InvalidOperationException">A setting is not a whole number in its range.</exception>
    public static LimitOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new LimitOptions(
            Number(configuration, MaxReceiveMessageBytesKey, DefaultMaxReceiveMessageBytes, MinMessageBytes, int.MaxValue),
            Number(configuration, MaxSendMessageBytesKey, DefaultMaxSendMessageBytes, MinMessageBytes, int.MaxValue),
            Number(configuration, MaxStreamsPerConnectionKey, DefaultMaxStreamsPerConnection, 1, int.MaxValue),
            Number(configuration, RateLimitCallsKey, DefaultRateLimitCalls, 0, int.MaxValue),
            TimeSpan.FromSeconds(Number(configuration, RateLimitWindowSecondsKey, DefaultRateLimitWindowSeconds, 1, MaxWindowSeconds)));
    }

    private static int Number(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var configured = configuration[key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return fallback;
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{key} is \"{configured}\"; it must be a whole number from {min} to {max} (default {fallback}).");
    }
}
