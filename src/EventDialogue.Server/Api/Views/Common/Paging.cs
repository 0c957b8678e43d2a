using EventDialogue.Domain.Common;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>A list call's page: its size (checked and defaulted), where it starts, and the fingerprint its next token carries.</summary>
public sealed record Paging(int Size, ViewCursor? After, string Fingerprint, PageTokenKey Key)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>AIP-158: 0 means the default, more than the maximum means the maximum, negative is refused.</summary>
    public static Paging Read(int pageSize, string? pageToken, string fingerprint, PageTokenKey key)
    {
        if (pageSize < 0)
        {
            throw DomainException.Invalid("page_size", $"must not be negative (0 for the default of {DefaultSize}, at most {MaxSize})");
        }

        var size = pageSize == 0 ? DefaultSize : Math.Min(pageSize, MaxSize);
        return new Paging(size, PageToken.Decode(pageToken, fingerprint, key), fingerprint, key);
    }

    public string NextToken(ViewCursor? next) => PageToken.Encode(next, Fingerprint, Key);
}
