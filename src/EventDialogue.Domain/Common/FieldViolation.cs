namespace EventDialogue.Domain.Common;

/// <summary>One field a command got wrong, and why (the field in snake_case, as in the API: <c>made_by[1]</c>).</summary>
public sealed record FieldViolation(string Field, string Reason);
