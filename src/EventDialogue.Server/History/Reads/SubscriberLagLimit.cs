using System.Globalization;

namespace EventDialogue.Server.History.Reads;

/// <summary>
/// How far a live subscriber may fall behind the head of the log before it is ended (ABORTED, SUBSCRIBER_TOO_SLOW).
/// A subscription buffers nothing: it reads the log for its client a page at a time, as fast as the client takes it, so
/// a slow client costs no memory and can never miss an event. But a client that cannot keep up with the log is not
/// following it live any more, and would never find out: so when the server, coming back to read for a subscriber that
/// had caught up, finds the head more than this many positions beyond it, it ends the subscription, saying where to
/// resume (after the last position it was sent), with ReadAll or a new subscription.
/// </summary>
public sealed record SubscriberLagLimit(long MaxPositions)
{
    public const string Setting = "History:MaxSubscriberLag";
    public const long DefaultMaxPositions = 10_000;

    /// <exception cref="InvalidOperationException">The setting is not a whole number of 1 or more.</exception>
    public static SubscriberLagLimit From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new SubscriberLagLimit(DefaultMaxPositions);
        }

        return long.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var positions) && positions >= 1
            ? new SubscriberLagLimit(positions)
            : throw new InvalidOperationException($"{Setting} is '{configured}': give a whole number of positions, 1 or more (default {DefaultMaxPositions})");
    }
}
