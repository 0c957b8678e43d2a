using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventDialogue.Domain.Common;

namespace EventDialogue.Server.Recording;

/// <summary>
/// A digest of what a request asks to record — the command's kind and every field of it, as the domain sees it once
/// mapped — so that a second request under a request id already used can be told from a retry of the first. How it
/// arrived (binary gRPC or JSON) and its expected revision are not part of it: a retry may come either way, and its
/// first attempt may have made its expected revision stale.
/// </summary>
public static class RequestFingerprint
{
    // The command's .NET name is part of the digest: renaming a command makes retries of requests made before the
    // rename look like new requests, which are refused as a reuse — a safe failure, never a swallowed change.
    public static string Of(IDomainCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var json = JsonSerializer.Serialize(command, command.GetType(), DomainEventJson.Options);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"eventdialogue/request/v1\n{command.GetType().Name}\n{json}"));
        return $"sha256:{Convert.ToHexStringLower(digest)}";
    }
}
