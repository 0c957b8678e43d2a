namespace EventDialogue.Cli.History;

/// <summary>The log, a proof or a signature does not match what was signed: the message says which and where.</summary>
internal sealed class VerificationFailedException(string message) : Exception(message);
