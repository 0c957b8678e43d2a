using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Common;

/// <summary>Parses the EDTF text of a command's date field, naming the field when it is not one.</summary>
public static class WorldDate
{
    public static string Require(string? text, string field) => Parse(text, field).ToString();

    public static string? Optional(string? text, string field) => string.IsNullOrWhiteSpace(text) ? null : Require(text, field);

    public static EdtfDate Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid(field, "a date is required (EDTF, e.g. 2010-05-13, 2011-04, 2011, 2010-05/2010-09)");
        }

        return EdtfDate.TryParse(text.Trim(), out var date, out var error) ? date! : throw DomainException.Invalid(field, error!);
    }
}
