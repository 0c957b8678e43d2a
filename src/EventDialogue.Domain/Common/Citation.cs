namespace EventDialogue.Domain.Common;

/// <summary>The source a fact rests on, with the words or the place in it that support the fact.</summary>
public sealed record Citation(string SourceId, string? Quote = null, string? Locator = null)
{
    public const int MaxQuote = 5_000;

    public Citation Validated(string field)
    {
        var sourceId = EntityId.Require(SourceId, $"{field}.source_id");
        var quote = Text.Optional(Quote, $"{field}.quote", MaxQuote);
        var locator = Text.Optional(Locator, $"{field}.locator", Text.Name);
        return new Citation(sourceId, quote, locator);
    }
}
