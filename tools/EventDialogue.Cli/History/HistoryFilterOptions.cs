using System.CommandLine;
using EventDialogue.Api.V1;

namespace EventDialogue.Cli.History;

/// <summary>The filter on the global log that `history read --all`, `history follow` and `history export` take.</summary>
internal static class HistoryFilterOptions
{
    public static readonly Option<string[]> Category = new("--category")
    {
        Description = "Only events of streams of this category (statement, case, commitment, round, …); repeat for several.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string[]> EventType = new("--event-type")
    {
        Description = "Only events of this type (CaseRaised, EntryCorrected, …); repeat for several.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string[]> Stream = new("--in-stream")
    {
        Description = "Only events of this stream (case-liu-xiaobo, …); repeat for several.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static IEnumerable<Option> All => [Category, EventType, Stream];

    public static HistoryFilter Read(ParseResult parsed) => new()
    {
        Categories = { parsed.GetValue(Category) ?? [] },
        EventTypes = { parsed.GetValue(EventType) ?? [] },
        Streams = { parsed.GetValue(Stream) ?? [] },
    };
}
