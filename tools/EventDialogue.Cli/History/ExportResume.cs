using System.Text;

namespace EventDialogue.Cli.History;

/// <summary>
/// Where an export that was stopped goes on: after the position of the last complete line. A last line without its
/// line break was being written when the export stopped, and is dropped first (it is written again).
/// </summary>
internal static class ExportResume
{
    private const int Chunk = 64 * 1024;

    /// <summary>Prepares the file to be appended to; returns the position to export after (0 for a new or empty file).</summary>
    public static long Prepare(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var lastBreak = LastLineBreakBefore(file, file.Length);
        if (lastBreak != file.Length - 1)
        {
            file.SetLength(lastBreak + 1);
        }

        if (file.Length == 0)
        {
            return 0;
        }

        var start = LastLineBreakBefore(file, file.Length - 1) + 1;
        var bytes = new byte[file.Length - 1 - start];
        file.Position = start;
        file.ReadExactly(bytes);
        var line = Encoding.UTF8.GetString(bytes);
        try
        {
            return ExportLines.Parse(line, path, 0).Position;
        }
        catch (HistoryFileException)
        {
            // Counted only now: naming the line costs a read of the whole file.
            return ExportLines.Parse(line, path, CountLines(file, start) + 1).Position;
        }
    }

    /// <summary>The offset of the last line break before <paramref name="end"/>, or -1 when there is none.</summary>
    private static long LastLineBreakBefore(FileStream file, long end)
    {
        var buffer = new byte[Chunk];
        while (end > 0)
        {
            var size = (int)Math.Min(Chunk, end);
            file.Position = end - size;
            file.ReadExactly(buffer, 0, size);
            var found = Array.LastIndexOf(buffer, (byte)'\n', size - 1, size);
            if (found >= 0)
            {
                return end - size + found;
            }

            end -= size;
        }

        return -1;
    }

    private static long CountLines(FileStream file, long end)
    {
        var buffer = new byte[Chunk];
        long lines = 0;
        file.Position = 0;
        while (file.Position < end)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(Chunk, end - file.Position));
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
