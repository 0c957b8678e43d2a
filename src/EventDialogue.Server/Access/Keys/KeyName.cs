using System.Text.RegularExpressions;
using EventDialogue.Domain.Common;

namespace EventDialogue.Server.Access.Keys;

/// <summary>What a key may be called: it becomes recorded-by on events, so it is short, plain and unambiguous.</summary>
public static partial class KeyName
{
    public const int MaxLength = 64;

    public static void Check(string name, string field = "name")
    {
        if (!Pattern().IsMatch(name ?? string.Empty))
        {
            throw DomainException.Invalid(field, $"'{name}' is not a key name: 1–{MaxLength} lower-case letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
