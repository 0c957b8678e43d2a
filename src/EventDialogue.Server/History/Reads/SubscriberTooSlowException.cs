using EventDialogue.EventStore;

namespace EventDialogue.Server.History.Reads;

/// <summary>A live subscriber fell further behind the head than <see cref="SubscriberLagLimit"/> allows, and was ended.</summary>
public sealed class SubscriberTooSlowException(Position resumeAfter, long lag, long maxLag)
    : Exception($"the subscriber fell {lag} positions behind the head of the log (at most {maxLag} are allowed once live): resume after position {resumeAfter}, with ReadAll or a new subscription")
{
    /// <summary>Every event up to here was sent (or did not match).</summary>
    public Position ResumeAfter { get; } = resumeAfter;

    public long Lag { get; } = lag;

    public long MaxLag { get; } = maxLag;
}
