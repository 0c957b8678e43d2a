using System.Text;

namespace EventDialogue.Cli.History;

/// <summary>
/// Where an export that was stopped, or finished, goes on: after the position of the last event. A last line without
/// its line break was being written when the export stopped, and is dropped first (it is written again); so is the
/// trailer of a finished export (a new one follows the new events).
/// </summary>
/// <param name="AfterPosition">The position to export after: 0 for a new or empty file.</param>
/// <param name="EventCount">How many events the file already holds.</param>
/// <param name="HadTrailer">Whether a trailer was dropped: the file was a whole (unfiltered) export.</param>
internal sealed record ExportStart(long AfterPosition, long EventCount, bool HadTrailer);

/// <summary>Prepares an export file to be appended to.</summary>
internal static class ExportResume
{
    private const int Chunk = 64 * 1024;

    public static ExportStart Prepare(string path)
    {
        if (!File.Exists(path))
        {
            return new ExportStart(0, 0, HadTrailer: false);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var lastBreak = LastLineBreakBefore(file, file.Length);
        if (lastBreak != file.Length - 1)
        {
            file.SetLength(lastBreak + 1);
        }

        var last = LastCompleteLine(file);
        var hadTrailer = last is not null && ExportTrailer.IsTrailer(last.Value.Text);
        if (hadTrailer)
        {
            file.SetLength(last!.Value.Start);
            last = LastCompleteLine(file);
        }

        if (last is not { } line)
        {
            return new ExportStart(0, 0, hadTrailer);
        }

        // Counted only here, on a resume: it costs a read of the whole file.
        var lines = CountLines(file, line.Start);
        return new ExportStart(ExportLines.Parse(line.Text, path, lines + 1).Position, lines + 1, hadTrailer);
    }

    /// <summary>The file's last line that ends with a line break, and where it starts; null when there is none.</summary>
    internal static (long Start, string Text)? LastCompleteLine(FileStream file)
    {
        var end = LastLineBreakBefore(file, file.Length);
        if (end < 0)
        {
            return null;
        }

        var start = LastLineBreakBefore(file, end) + 1;
        var bytes = new byte[end - start];
        file.Position = start;
        file.ReadExactly(bytes);
        return (start, Encoding.UTF8.GetString(bytes));
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

    /// <summary>How many line breaks come before <paramref name="end"/>.</summary>
    internal static long CountLines(FileStream file, long end)
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
