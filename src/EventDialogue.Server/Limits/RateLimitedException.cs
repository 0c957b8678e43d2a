namespace EventDialogue.Server.Limits;

/// <summary>A caller has started more calls in the window than the rate limit allows.</summary>
public sealed class RateLimitedException : Exception
{
    public RateLimitedException()
    {
    }

    public RateLimitedException(string message)
        : base(message)
    {
    }

    public RateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RateLimitedException(string principal, int calls, TimeSpan window, TimeSpan retryAfter)
        : base($"rate limit reached for {principal}: at most {calls} calls per {CallRateLimiter.Seconds(window)} s; retry after {CallRateLimiter.Seconds(retryAfter)} s")
    {
        Principal = principal;
        Calls = calls;
        Window = window;
        RetryAfter = retryAfter;
    }

    public string Principal { get; } = string.Empty;

    public int Calls { get; }

    public TimeSpan Window { get; }

    public TimeSpan RetryAfter { get; }
}
