using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>
/// What sort of promise the words make. Only an undertaking binds the one who made it; the others are recorded and
/// shown, but a scorecard does not count a hope, a request to the other side or a third party's expectation as a
/// promise kept or broken.
/// </summary>
public enum CommitmentKind
{
    /// <summary>A binding promise: "the two sides agreed to hold the next round in 2011".</summary>
    Undertaking,

    /// <summary>A stated intention or aim: "we hope to", "we plan to".</summary>
    Intention,

    /// <summary>A request made to the other side: "we asked to meet Liu Xia".</summary>
    Request,

    /// <summary>An expectation reported by someone other than the side said to hold it.</summary>
    ReportedExpectation,
}

/// <summary>The kinds' stable names, as stored in events and answered over the API.</summary>
public static class CommitmentKinds
{
    public const string Undertaking = "undertaking";
    public const string Intention = "intention";
    public const string Request = "request";
    public const string ReportedExpectation = "reported-expectation";

    public static IReadOnlyList<string> Names { get; } = [Undertaking, Intention, Request, ReportedExpectation];

    public static string Name(this CommitmentKind kind) => kind switch
    {
        CommitmentKind.Undertaking => Undertaking,
        CommitmentKind.Intention => Intention,
        CommitmentKind.Request => Request,
        CommitmentKind.ReportedExpectation => ReportedExpectation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of commitment"),
    };

    public static CommitmentKind Parse(string? name, string field) => name switch
    {
        Undertaking => CommitmentKind.Undertaking,
        Intention => CommitmentKind.Intention,
        Request => CommitmentKind.Request,
        ReportedExpectation => CommitmentKind.ReportedExpectation,
        _ => throw DomainException.Invalid(field, $"'{name}' is not a kind of commitment; one of: {string.Join(", ", Names)}"),
    };
}
