using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

/// <summary>
/// The file that holds the log's private signing key (<see cref="NoteKey.ToPrivateText"/>): read at start, or created
/// on the first start with owner-only permissions. Whoever can read it can sign checkpoints of a forged log, so a file
/// that group or others may read or write is refused rather than used.
/// </summary>
public static class SigningKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Shared =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The key in the file, or a new one written there when there is no file; Created says which.</summary>
    /// <exception cref="IntegrityStartException">The file is shared, unreadable, not a key, or a key of another name.</exception>
    public static (NoteKey Key, bool Created) LoadOrCreate(string path, string logName)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            var created = TryCreate(path, logName);
            if (created is not null)
            {
                return (created, true);
            }
        }

        return (Load(path, logName), false);
    }

    /// <summary>
    /// Writes the new key to a file of its own, then moves it into place only if no file is there yet (on Unix .NET
    /// does that with link(2), which fails when the name exists): servers of one group starting together never read a
    /// key file another is still writing, and never replace one another's key.
    /// </summary>
    private static NoteKey? TryCreate(string path, string logName)
    {
        var key = NoteKey.Generate(logName);
        var draft = $"{path}.{Guid.NewGuid():N}.new";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var writer = new StreamWriter(draft, System.Text.Encoding.UTF8, options))
            {
                writer.Write(key.ToPrivateText() + "\n");
            }

            File.Move(draft, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server on the same store created it first: use theirs.
            key.Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            throw new IntegrityStartException($"{IntegrityOptions.SigningKeyPathKey}: cannot create the signing key file {path}: {e.Message}", e);
        }
        finally
        {
            File.Delete(draft);
        }
    }

    private static NoteKey Load(string path, string logName)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & Shared) != 0)
        {
            throw new IntegrityStartException(
                $"{IntegrityOptions.SigningKeyPathKey}: the signing key file {path} may be read or written by others than its owner (mode {Octal(File.GetUnixFileMode(path))}); make it owner-only (chmod 600 {path})");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IntegrityStartException($"{IntegrityOptions.SigningKeyPathKey}: cannot read the signing key file {path}: {e.Message}", e);
        }

        NoteKey key;
        try
        {
            key = NoteKey.FromPrivateText(text);
        }
        catch (FormatException e)
        {
            throw new IntegrityStartException($"{IntegrityOptions.SigningKeyPathKey}: {path} is not a signing key: {e.Message}", e);
        }

        if (!string.Equals(key.Name, logName, StringComparison.Ordinal))
        {
            var name = key.Name;
            key.Dispose();
            throw new IntegrityStartException(
                $"{IntegrityOptions.SigningKeyPathKey}: the key in {path} signs for \"{name}\", but {IntegrityOptions.LogNameKey} is \"{logName}\"; set {IntegrityOptions.LogNameKey} to \"{name}\" or give another key file");
        }

        return key;
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
