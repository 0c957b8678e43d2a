namespace EventDialogue.Domain.Common;

/// <summary>A party to a dialogue, named by a short stable code such as <c>us</c> or <c>cn</c>.</summary>
public static class Side
{
    public const int MaxLength = 40;

    public static string Require(string? side, string field)
    {
        var value = Text.Require(side, field, MaxLength);
        if (!value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw DomainException.Invalid(field, $"'{value}' is not a party code: lower-case letters, digits and '-' (e.g. 'us', 'cn')");
        }

        return value;
    }
}
