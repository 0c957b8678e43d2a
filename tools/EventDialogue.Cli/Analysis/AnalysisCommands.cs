using System.CommandLine;

namespace EventDialogue.Cli.Analysis;

/// <summary>`analysis …`: the analyst's questions across the record (AnalysisService).</summary>
internal static class AnalysisCommands
{
    public static Command Create() => new("analysis", "Analyses across the record: scorecards of commitments, recurring cases, rounds compared, timelines.")
    {
        ScorecardCommand.Create(),
        RecurrenceCommand.Create(),
        CompareCommand.Create(),
        TimelineCommand.Create(),
    };
}
