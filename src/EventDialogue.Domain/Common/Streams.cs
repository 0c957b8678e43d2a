namespace EventDialogue.Domain.Common;

/// <summary>The stream each aggregate lives in: <c>{category}-{id}</c>.</summary>
public static class Streams
{
    public static string Dialogue(string id) => $"dialogue-{id}";

    public static string Round(string id) => $"round-{id}";

    public static string Source(string id) => $"source-{id}";

    public static string Statement(string id) => $"statement-{id}";

    public static string Case(string id) => $"case-{id}";

    public static string Commitment(string id) => $"commitment-{id}";
}
