using System.Globalization;
using System.Text;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>What `history verify` pinned for a log: the verifier key it trusted and the last checkpoint it verified.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="VerifierKey">The pinned key; null in a bare checkpoint (what --save wrote before pins held a key).</param>
internal sealed record Pin(string Path, string? VerifierKey, VerifiedCheckpoint Checkpoint);

/// <summary>
/// Pin files: a header line, the verifier key, then the signed note as the server signed it (so `tail -n +3` gives a
/// note other tools read). One file per log in the user's configuration directory unless one is named; owner-only,
/// because whoever may write it decides which log the auditor accepts.
/// </summary>
internal static class PinFiles
{
    private const string Header = "eventdialogue verify pin v1";
    private const string KeyPrefix = "verifier-key ";
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>$XDG_CONFIG_HOME/eventdialogue/pins/LOG (else ~/.config/…), the log's name made a safe file name.</summary>
    /// <exception cref="HistoryFileException">Neither XDG_CONFIG_HOME nor HOME is set.</exception>
    public static string DefaultPath(string logName)
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var config = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".config")
            : throw new HistoryFileException("No configuration directory for the pin: set XDG_CONFIG_HOME or HOME, or give --pin FILE.");
        return Path.Combine(config, "eventdialogue", "pins", FileName(logName));
    }

    /// <summary>The pin in the file; null when there is no file.</summary>
    /// <exception cref="VerificationFailedException">It pins another key than the one given, or its signature fails.</exception>
    /// <exception cref="HistoryFileException">It cannot be read or is not a pin.</exception>
    public static Pin? Read(string path, string givenKey, NoteVerifier verifier)
    {
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HistoryFileException($"{path}: cannot read the pinned checkpoint: {e.Message}");
        }

        if (!text.StartsWith(Header + "\n", StringComparison.Ordinal))
        {
            return new Pin(path, null, SignedCheckpoints.Open(verifier, text, $"the saved checkpoint {path}"));
        }

        var keyEnd = text.IndexOf('\n', Header.Length + 1);
        var keyLine = keyEnd < 0 ? string.Empty : text[(Header.Length + 1)..keyEnd];
        if (!keyLine.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            throw new HistoryFileException($"{path}: line 2: not \"{KeyPrefix}KEY\": the file is not a pin written by history verify");
        }

        var pinnedKey = keyLine[KeyPrefix.Length..];
        if (!string.Equals(pinnedKey.Trim(), givenKey.Trim(), StringComparison.Ordinal))
        {
            throw new VerificationFailedException(
                $"The log's key changed: {path} pins the verifier key {pinnedKey} for the log {verifier.Name}, but {givenKey.Trim()} was given. " +
                "A new key can sign a rewritten log: find out from the log's operator why the key was replaced, verify with the old key, and only then remove the pin to trust the new one.");
        }

        return new Pin(path, pinnedKey, SignedCheckpoints.Open(verifier, text[(keyEnd + 1)..], $"the pinned checkpoint {path}"));
    }

    /// <summary>Writes the pin beside the file first, then moves it in: an interrupted write leaves the old pin whole.</summary>
    /// <exception cref="HistoryFileException">It cannot be written.</exception>
    public static void Write(string path, string verifierKey, VerifiedCheckpoint checkpoint, bool createDirectory)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Guid.NewGuid():N}.new";
        try
        {
            if (createDirectory)
            {
                CreateOwnerOnlyDirectories(Path.GetDirectoryName(full)!);
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile;
            }

            using (var writer = new StreamWriter(temporary, new UTF8Encoding(false), options))
            {
                writer.Write($"{Header}\n{KeyPrefix}{verifierKey.Trim()}\n{checkpoint.SignedNote}");
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new HistoryFileException($"{full}: cannot write the pin: {e.Message}");
        }
    }

    /// <summary>Each missing folder of the path made owner-only (eventdialogue/ and pins/ under the configuration folder).</summary>
    private static void CreateOwnerOnlyDirectories(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        CreateOwnerOnlyDirectories(Path.GetDirectoryName(directory)!);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    // Letters, digits, '-', '_' and inner dots kept; every other byte of the name as %XX, so "a/b" and "a%2Fb" differ
    // and no name reaches outside the folder ("..", "/").
    private static string FileName(string logName)
    {
        var name = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(logName))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && name.Length > 0)))
            {
                name.Append(c);
            }
            else
            {
                name.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return name.ToString();
    }
}
