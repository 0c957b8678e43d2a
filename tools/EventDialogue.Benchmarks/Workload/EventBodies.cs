using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EventDialogue.Benchmarks.Workload;

/// <summary>
/// Event data shaped like the project's statements (about 370 to 840 bytes of JSON), from a fixed seed so that
/// every run stores the same sizes: the size of data is what dominates both appends and reads.
/// </summary>
internal sealed class EventBodies
{
    private static readonly string[] Words =
    [
        "dialogue", "round", "delegation", "detention", "release", "rule", "of", "law", "the", "and", "experts",
        "legal", "constructive", "frank", "exchange", "concerns", "raised", "cases", "minority", "religion",
        "labour", "rights", "progress", "cooperation", "mutual", "respect", "views", "sides", "agreed", "continue",
    ];

    private static readonly string[] Venues = ["press conference", "briefing", "interview", "editorial"];

    private readonly Random _random = new(20100513);

    public string Next()
    {
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement_id", Guid.NewGuid());
            writer.WriteString("speaker", $"spokesperson-{_random.Next(1, 60)}");
            writer.WriteString("venue", Venues[_random.Next(Venues.Length)]);
            writer.WriteString("occurred", $"2010-{_random.Next(1, 13):00}-{_random.Next(1, 29):00}");
            writer.WriteStartArray("topics");
            writer.WriteStringValue(Words[_random.Next(Words.Length)]);
            writer.WriteStringValue(Words[_random.Next(Words.Length)]);
            writer.WriteEndArray();
            writer.WriteString("quote", Quote(_random.Next(25, 75)));
            writer.WriteString("source_id", Guid.NewGuid());
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private string Quote(int words)
    {
        var text = new StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(Words[_random.Next(Words.Length)]);
        }

        return text.ToString();
    }
}
