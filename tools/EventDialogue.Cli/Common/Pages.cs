namespace EventDialogue.Cli.Common;

internal static class Pages
{
    /// <summary>The largest page the views serve.</summary>
    public const int Size = 100;

    /// <summary>Every item of a List call, page after page until the last.</summary>
    public static async Task<List<T>> AllAsync<T>(Func<string, Task<(IEnumerable<T> Items, string NextPageToken)>> readPage)
    {
        var items = new List<T>();
        var token = string.Empty;
        do
        {
            var (page, next) = await readPage(token);
            items.AddRange(page);
            token = next;
        }
        while (token.Length > 0);
        return items;
    }
}
