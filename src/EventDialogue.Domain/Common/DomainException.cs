namespace EventDialogue.Domain.Common;

/// <summary>A command the domain refuses; nothing is recorded. The kind tells a client what it can do about it.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
        Violations = kind == DomainErrorKind.InvalidArgument && field is not null ? [new FieldViolation(field, message)] : [];
    }

    private DomainException(IReadOnlyList<FieldViolation> violations)
        : base(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Reason}")))
    {
        Kind = DomainErrorKind.InvalidArgument;
        Field = violations[0].Field;
        Violations = violations;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>The command field at fault, when there is one (snake_case, as in the API); the first of several.</summary>
    public string? Field { get; }

    /// <summary>
    /// Every field of the command that is wrong, in the order of the command's fields, so that a client can fix them
    /// all at once. Empty when the refusal is not about the command's own fields (not found, a conflict, …).
    /// </summary>
    public IReadOnlyList<FieldViolation> Violations { get; }

    public static DomainException Invalid(string field, string reason) => new(DomainErrorKind.InvalidArgument, reason, field);

    /// <summary>A refusal naming several fields; with one, the same as <see cref="Invalid(string, string)"/>.</summary>
    public static DomainException Invalid(IReadOnlyList<FieldViolation> violations) => violations switch
    {
        null or [] => throw new ArgumentException("a command refused as invalid names at least one field", nameof(violations)),
        [var only] => Invalid(only.Field, only.Reason),
        _ => new([.. violations]),
    };

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
