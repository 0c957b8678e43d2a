namespace EventDialogue.Domain.Common;

/// <summary>
/// What the decision may know of other streams: which of the streams a command refers to exist. The handler
/// looks them up before deciding, so that decisions stay pure functions.
/// </summary>
public sealed record Known(IReadOnlySet<string> ExistingStreams, DateOnly Today)
{
    public void Require(string stream, string field, string what)
    {
        if (!ExistingStreams.Contains(stream))
        {
            var name = what == "stream" ? stream : stream[(stream.IndexOf('-', StringComparison.Ordinal) + 1)..];
            throw new DomainException(DomainErrorKind.NotFound, $"{what} '{name}' does not exist", field);
        }
    }

    public void RequireSource(Citation citation, string field) => Require(Streams.Source(citation.SourceId), $"{field}.source_id", "source");
}
