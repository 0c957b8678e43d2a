using System.Buffers.Binary;
using System.Text;
using NSec.Cryptography;

namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// Checks a C2SP signed note against a verifier key ("name+hex(key id)+base64(0x01 ‖ public key)") and gives back its
/// text. Lines signed by other keys are ignored, as the format requires; a line by this key that does not verify
/// rejects the note.
/// </summary>
public sealed class NoteVerifier
{
    /// <summary>An em dash (U+2014) and a space: how every signature line starts.</summary>
    public const string SignaturePrefix = "\u2014 ";

    private readonly PublicKey _key;

    private NoteVerifier(string name, uint keyId, PublicKey key)
    {
        Name = name;
        KeyId = keyId;
        _key = key;
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <exception cref="FormatException">The text is not a verifier key, or its key id does not match its key.</exception>
    public static NoteVerifier Parse(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        var parts = verifierKey.Trim().Split('+', 3);
        if (parts.Length != 3 || parts[1].Length != 8 || !uint.TryParse(parts[1], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var keyId))
        {
            throw new FormatException("a verifier key reads name+keyid+key, the key id 8 hex digits");
        }

        RequireName(parts[0]);
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            throw new FormatException("a verifier key's key is base64");
        }

        if (blob.Length != 33 || blob[0] != 0x01)
        {
            throw new FormatException("a verifier key holds type 0x01 (Ed25519) and a 32-byte public key");
        }

        if (KeyIdOf(parts[0], blob.AsSpan(1)) != keyId)
        {
            throw new FormatException("the verifier key's id does not match its name and key");
        }

        return new NoteVerifier(parts[0], keyId, PublicKey.Import(SignatureAlgorithm.Ed25519, blob.AsSpan(1), KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The note's text when a signature line by this key verifies; null when none does (or the note is malformed).</summary>
    public string? Open(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            return null;
        }

        var text = note[..(split + 1)];
        var signatures = note[(split + 2)..^1].Split('\n');
        foreach (var line in signatures)
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                return null;
            }

            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2 || parts[0] != Name)
            {
                continue;
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                return null;
            }

            if (blob.Length < 4 || BinaryPrimitives.ReadUInt32BigEndian(blob) != KeyId)
            {
                continue;
            }

            return SignatureAlgorithm.Ed25519.Verify(_key, Encoding.UTF8.GetBytes(text), blob.AsSpan(4)) ? text : null;
        }

        return null;
    }

    internal static uint KeyIdOf(string name, ReadOnlySpan<byte> publicKey) =>
        NoteKey.Sha256Prefix([.. Encoding.UTF8.GetBytes(name), 0x0A, 0x01, .. publicKey]);

    internal static void RequireName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c)))
        {
            throw new FormatException($"'{name}' is not a key name: non-empty, with no spaces and no '+'");
        }
    }

    internal static void RequireText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !text.EndsWith('\n') || text.Contains("\n\n", StringComparison.Ordinal) || text.Any(c => c < ' ' && c != '\n'))
        {
            throw new FormatException("a note's text ends with a newline, has no blank line and no control characters");
        }
    }
}
