using System.Globalization;
using System.Threading.RateLimiting;

namespace EventDialogue.Server.Limits;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned per principal: the authenticated name when there is one, else the remote
/// address, so that one busy caller cannot starve the others. A fixed window, because its refusal can say exactly
/// when the caller may try again.
/// </summary>
public sealed class CallRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public CallRateLimiter(LimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            PrincipalOf(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RateLimitCalls, Window = options.RateLimitWindow, QueueLimit = 0 }));
    }

    public LimitOptions Options { get; }

    /// <summary>Who a call is counted against; the two kinds are prefixed so that a key named like an address is not an address.</summary>
    public static string PrincipalOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? $"principal {name}"
            : $"address {context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
    }

    /// <exception cref="RateLimitedException">The caller has used up its calls for the window.</exception>
    public void Admit(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Options.RateLimitWindow;
        throw new RateLimitedException(
            PrincipalOf(context),
            Options.RateLimitCalls,
            Options.RateLimitWindow,
            // Whole seconds, rounded up: a client that waits what it is told must not be refused again.
            TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))));
    }

    public void Dispose() => _limiter.Dispose();

    internal static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
