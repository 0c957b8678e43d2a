using System.Security.Cryptography;
using System.Text;

namespace EventDialogue.Server.Recording;

/// <summary>
/// Event ids derived from the caller's request id (name-based, as UUID version 5), so that a retry of the same request
/// carries the same event ids and the store's idempotency recognises it, also after a restart.
/// </summary>
public static class RequestEventIds
{
    public static Guid For(string requestId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"eventdialogue/request/{requestId}/{index}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
