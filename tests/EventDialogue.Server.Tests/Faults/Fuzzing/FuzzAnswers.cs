using Grpc.Core;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>Which answers to a fuzzed call are the server's own decisions, and which show it failed.</summary>
internal static class FuzzAnswers
{
    private static readonly HashSet<StatusCode> Decisions =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.Aborted, StatusCode.OutOfRange, StatusCode.ResourceExhausted,
    ];

    /// <summary>
    /// INTERNAL, UNKNOWN, UNAVAILABLE (no outage here) or a bare timeout are failures; DEADLINE_EXCEEDED is a decision
    /// only when the server itself says a view has not reached the min_position asked for.
    /// </summary>
    public static bool IsDecision(StatusCode code, string detail) =>
        Decisions.Contains(code) || (code == StatusCode.DeadlineExceeded && detail.Contains("min_position", StringComparison.Ordinal));

    /// <summary>The same over JSON/HTTP, where transcoding turns UNKNOWN and INTERNAL into 500 and a view's wait into 504.</summary>
    public static bool IsDecision(int httpStatus, string body) =>
        httpStatus < 500 || (httpStatus == 504 && body.Contains("min_position", StringComparison.Ordinal));
}
