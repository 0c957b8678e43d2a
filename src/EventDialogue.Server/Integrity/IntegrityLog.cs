namespace EventDialogue.Server.Integrity;

internal static partial class IntegrityLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the log's signing key in {KeyFile} (owner-only). Give auditors its verifier key: {VerifierKey}")]
    public static partial void SigningKeyCreated(this ILogger logger, string keyFile, string verifierKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log signed as {Origin} with the key in {KeyFile}; verifier key {VerifierKey}")]
    public static partial void SigningWith(this ILogger logger, string origin, string keyFile, string verifierKey);
}
