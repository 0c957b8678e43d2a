namespace EventDialogue.Server.Api.Views.Common;

/// <summary>A page of a list, and the token of the next page (empty on the last).</summary>
public sealed record Listed<T>(IReadOnlyList<T> Items, string NextPageToken);
