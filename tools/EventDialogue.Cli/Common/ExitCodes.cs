namespace EventDialogue.Cli.Common;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The server answered with a refusal or an error (not found, invalid argument, …).</summary>
    public const int Refused = 1;

    /// <summary>What was asked is malformed: a bad address, a bad dataset file.</summary>
    public const int BadInput = 2;

    /// <summary>The server could not be reached or did not answer in time.</summary>
    public const int Unreachable = 3;

    /// <summary>An audit failed: a signature, a proof or the replayed log does not match what the server signed.</summary>
    public const int NotVerified = 4;
}
