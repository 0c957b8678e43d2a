namespace EventDialogue.Server.Access;

public static partial class FirstAdminKeyNotice
{
    /// <summary>What the first start prints: the key, on a line of its own, and what to do with it.</summary>
    public static string Text(string name, string secret) => $"""

        The first admin key '{name}' (every role) was created. It is shown only now; the store keeps only its hash:

            {secret}

        Use it with the command-line client (--api-key, EVENTDIALOGUE_API_KEY, or the file ~/.config/eventdialogue/api-key),
        create keys with narrower roles (eventdialogue keys create --name NAME --role ROLE) and revoke this one when done.

        """;

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys: {Description}")]
    public static partial void FirstAdminKey(this ILogger logger, string description);
}
