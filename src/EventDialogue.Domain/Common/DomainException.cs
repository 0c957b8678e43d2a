namespace EventDialogue.Domain.Common;

/// <summary>A command the domain refuses; nothing is recorded. The kind tells a client what it can do about it.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>The command field at fault, when there is one (snake_case, as in the API).</summary>
    public string? Field { get; }

    public static DomainException Invalid(string field, string reason) => new(DomainErrorKind.InvalidArgument, reason, field);

    public static DomainException NotFound(string what) => new(DomainErrorKind.NotFound, what);

    public static DomainException Conflict(string what, string? field = null) => new(DomainErrorKind.FailedPrecondition, what, field);
}

public enum DomainErrorKind
{
    /// <summary>The command is malformed or breaks a rule about its own content.</summary>
    InvalidArgument,

    /// <summary>Something the command names does not exist.</summary>
    NotFound,

    /// <summary>The command does not fit the current state (e.g. a round held twice).</summary>
    FailedPrecondition,

    /// <summary>The thing the command would create exists already.</summary>
    AlreadyExists,
}
