namespace EventDialogue.Domain.Common;

/// <summary>Ids are slugs (e.g. <c>liu-xiaobo</c>, <c>2010-washington</c>) so that stream names read well.</summary>
public static class EntityId
{
    public const int MaxLength = 120;

    public static string Require(string? id, string field)
    {
        // its own character check below refuses NUL too, and names the id
        var value = Text.RequireWithin(id, field, MaxLength);
        if (!char.IsAsciiLetterLower(value[0]) && !char.IsAsciiDigit(value[0]))
        {
            throw DomainException.Invalid(field, $"'{value}' must start with a lower-case letter or a digit");
        }

        if (!value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
        {
            throw DomainException.Invalid(field, $"'{value}' is not an id: lower-case letters, digits, '-', '_' and '.'");
        }

        return value;
    }
}
