using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// An Ed25519 key that signs notes in the C2SP signed-note format, under a name (e.g. "eventdialogue.example/log"). Its
/// key id is the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key); its verifier key, the text an auditor is
/// given, reads "name+hex(key id)+base64(0x01 ‖ public key)"; its private form, for a key file, "PRIVATE+KEY+name+hex(key id)+base64(0x01 ‖ seed)".
/// </summary>
public sealed class NoteKey : IDisposable
{
    private const byte Ed25519Type = 0x01;
    private const string PrivatePrefix = "PRIVATE+KEY+";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _key;

    private NoteKey(string name, Key key)
    {
        NoteVerifier.RequireName(name);
        Name = name;
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = NoteVerifier.KeyIdOf(name, PublicKey);
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public uint KeyId { get; }

    /// <summary>The verifier key an auditor checks notes with: it holds no secret.</summary>
    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([Ed25519Type, .. PublicKey])}";

    public static NoteKey Generate(string name) =>
        new(name, Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Reads the private form written by <see cref="ToPrivateText"/>.</summary>
    /// <exception cref="FormatException">The text is not a private note key, or its key id does not match its key.</exception>
    public static NoteKey FromPrivateText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"a private note key starts with {PrivatePrefix}");
        }

        var parts = trimmed[PrivatePrefix.Length..].Split('+', 3);
        if (parts.Length != 3 || parts[1].Length != 8)
        {
            throw new FormatException("a private note key reads PRIVATE+KEY+name+keyid+key");
        }

        var blob = Convert.FromBase64String(parts[2]);
        if (blob.Length != 33 || blob[0] != Ed25519Type)
        {
            throw new FormatException("a private note key holds type 0x01 (Ed25519) and a 32-byte seed");
        }

        var key = Key.Import(Algorithm, blob.AsSpan(1), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var noteKey = new NoteKey(parts[0], key);
        if (!string.Equals(noteKey.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), parts[1], StringComparison.OrdinalIgnoreCase))
        {
            noteKey.Dispose();
            throw new FormatException("the private note key's id does not match its name and key");
        }

        return noteKey;
    }

    public string ToPrivateText() =>
        $"{PrivatePrefix}{Name}+{KeyId:x8}+{Convert.ToBase64String([Ed25519Type, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    /// <summary>The note text followed by a blank line and this key's signature line.</summary>
    public string Sign(string text)
    {
        NoteVerifier.RequireText(text);
        var signature = Algorithm.Sign(_key, Encoding.UTF8.GetBytes(text));
        var keyId = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(keyId, KeyId);
        return $"{text}\n{NoteVerifier.SignaturePrefix}{Name} {Convert.ToBase64String([.. keyId, .. signature])}\n";
    }

    public void Dispose() => _key.Dispose();

    internal static uint Sha256Prefix(ReadOnlySpan<byte> input) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
}
