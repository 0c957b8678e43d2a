using System.Text.RegularExpressions;

namespace EventDialogue.EventStore;

/// <summary>Event type names are stable strings (e.g. <c>CaseRaised</c> or <c>V1.CaseRaised</c>), never CLR type names.</summary>
public static partial class EventTypeName
{
    public const int MaxLength = 100;

    public static void Validate(string? type, string field)
    {
        if (string.IsNullOrEmpty(type))
        {
            throw new InvalidStoreRequestException(field, "an event type name is required");
        }

        if (type.Length > MaxLength)
        {
            throw new InvalidStoreRequestException(field, $"an event type name is at most {MaxLength} characters; this one has {type.Length}");
        }

        if (!Shape().IsMatch(type))
        {
            throw new InvalidStoreRequestException(field, $"'{type}' is not an event type name: letters, digits, '_' and '.', starting with a letter");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
