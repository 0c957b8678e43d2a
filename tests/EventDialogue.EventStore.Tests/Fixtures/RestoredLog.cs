namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>Logs as an export holds them, to restore in tests: positions with gaps, streams interleaved, every metadata field set.</summary>
public static class RestoredLog
{
    private static readonly DateTimeOffset FirstRecordedAt = new(2010, 5, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// <paramref name="count"/> events over three interleaved streams, positions 3, 5, 7, … (as after rolled-back
    /// appends), recorded a second and a few microseconds apart.
    /// </summary>
    public static List<RecordedEvent> Of(int count)
    {
        string[] streams = ["round-2010-washington", "case-liu-xiaobo", "statement-clinton-2010-05-14"];
        var revisions = new long[streams.Length];
        var log = new List<RecordedEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var s = i % streams.Length;
            log.Add(new RecordedEvent(
                Guid.NewGuid(),
                i % 2 == 0 ? "CaseRaised" : "V2.EntryCorrected",
                StreamName.Parse(streams[s]),
                revisions[s]++,
                new Position(3 + (2L * i)),
                FirstRecordedAt.AddSeconds(i).AddTicks(7 * TimeSpan.TicksPerMicrosecond),
                $$"""{"index":{{i}},"text":"刘晓波 \"quoted\""}""",
                new EventMetadata($"desk-{i % 4}", $"request-{i / 3}", $"request-{i / 3}", 1 + (i % 2), i % 5 == 0 ? null : $"fingerprint-{i}")));
        }

        return log;
    }
}
