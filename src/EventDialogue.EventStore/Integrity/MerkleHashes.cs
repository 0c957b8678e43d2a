using System.Security.Cryptography;

namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The hashes of RFC 9162 §2.1.1: a leaf is SHA-256(0x00 ‖ its bytes), an interior node SHA-256(0x01 ‖ left ‖ right),
/// and the empty tree SHA-256 of nothing. The prefixes keep a leaf from ever passing for a node (second pre-images).
/// </summary>
public static class MerkleHashes
{
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    public static byte[] EmptyRoot { get; } = SHA256.HashData([]);

    public static byte[] Leaf(ReadOnlySpan<byte> leaf)
    {
        var input = new byte[1 + leaf.Length];
        input[0] = LeafPrefix;
        leaf.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Size)];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        return SHA256.HashData(input);
    }
}
