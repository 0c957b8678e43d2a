using System.Text;
using Spectre.Console;

namespace EventDialogue.Cli.Common;

/// <summary>
/// A table of plain text, printed as a Spectre table for a person or as CSV (RFC 4180) for a spreadsheet: the same
/// cells either way, so the two never say different things.
/// </summary>
internal sealed record TextTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public void Write(Session session, bool csv)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (csv)
        {
            Console.Out.Write(ToCsv());
            return;
        }

        var table = Cells.Table(Title, [.. Columns]);
        foreach (var row in Rows)
        {
            table.AddRow(row.Select(cell => cell.Length == 0 ? Cells.None : Markup.Escape(cell)).ToArray());
        }

        session.Out.Write(table);
    }

    /// <summary>A header line, then one line per row; a cell with a comma, quote or line break is quoted.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns.Select(Quoted))).Append("\r\n");
        foreach (var row in Rows)
        {
            csv.Append(string.Join(',', row.Select(Quoted))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quoted(string cell) => cell.AsSpan().IndexOfAny(",\"\r\n") >= 0
        ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;
}
