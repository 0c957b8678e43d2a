using System.Globalization;

namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// A checkpoint of the log in the C2SP tlog-checkpoint format: the log's origin, its tree size and root hash, one per
/// line; signed as a note, it is what an auditor keeps to hold the log to what it said.
/// </summary>
public sealed record Checkpoint(string Origin, long TreeSize, byte[] RootHash)
{
    /// <summary>The checkpoint's note text: "origin\nsize\nbase64(root)\n".</summary>
    public string Text => $"{Origin}\n{TreeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\n";

    /// <summary>Reads a checkpoint's note text (extension lines after the root are allowed and ignored).</summary>
    /// <exception cref="FormatException">The text is not a checkpoint.</exception>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1].Length != 0 || lines[0].Length == 0)
        {
            throw new FormatException("a checkpoint is an origin line, a tree size line and a root hash line, each ending in a newline");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || (lines[1].Length > 1 && lines[1][0] == '0'))
        {
            throw new FormatException($"'{lines[1]}' is not a tree size: a decimal number with no leading zeros");
        }

        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new FormatException("the root hash is not base64");
        }

        return root.Length == MerkleHashes.Size
            ? new Checkpoint(lines[0], size, root)
            : throw new FormatException($"the root hash has {root.Length} bytes, not {MerkleHashes.Size}");
    }
}
