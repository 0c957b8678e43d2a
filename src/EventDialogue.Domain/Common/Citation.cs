namespace EventDialogue.Domain.Common;

/// <summary>The source a fact rests on, with the words or the place in it that support the fact.</summary>
public sealed record Citation(string SourceId, string? Quote = null, string? Locator = null)
{
    public const int MaxQuote = 5_000;

    /// <summary>The citation checked and trimmed; a command that must cite a source and cites none is refused too.</summary>
    public static Citation Required(Citation? citation, string field, string reason = "every fact cites a source") =>
        (citation ?? throw DomainException.Invalid(field, reason)).Validated(field);

    public Citation Validated(string field)
    {
        var (sourceId, quote, locator) = Fields.All(
            Fields.Check(() => EntityId.Require(SourceId, $"{field}.source_id")),
            Fields.Check(() => Text.Optional(Quote, $"{field}.quote", MaxQuote)),
            Fields.Check(() => Text.Optional(Locator, $"{field}.locator", Text.Name)));
        return new Citation(sourceId, quote, locator);
    }
}
