using System.CommandLine;

namespace EventDialogue.Cli.Analysis;

internal static class AnalysisOptions
{
    public static readonly Option<bool> Csv = new("--csv") { Description = "Print the table as CSV instead (the same columns); --json prints the API's JSON with EDTF dates." };

    public static readonly Option<string?> AsOf = new("--as-of") { Description = "The day to read as of (YYYY-MM-DD); the server's today by default." };
}
