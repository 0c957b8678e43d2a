using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.History;

/// <summary>
/// An export as `history export` writes it (one HistoryEvent per line, the API's JSON), written here from a store
/// until the server's ReadAll is merged. The source and amendment an export also carries are left out: the restore
/// reads them from the data.
/// </summary>
internal static class ExportLog
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static async Task WriteAsync(IEventStore store, string path)
    {
        await using var file = new StreamWriter(path);
        await foreach (var e in store.ReadAllAsync(Position.Start, AllFilter.None))
        {
            await file.WriteAsync(Formatter.Format(new HistoryEvent
            {
                Position = e.Position.Value,
                Stream = e.Stream.Value,
                Revision = e.Revision,
                EventId = e.EventId.ToString(),
                Type = e.Type,
                RecordedAt = Timestamp.FromDateTimeOffset(e.RecordedAt),
                RecordedBy = e.Metadata.RecordedBy,
                CorrelationId = e.Metadata.CorrelationId,
                CausationId = e.Metadata.CausationId ?? string.Empty,
                SchemaVersion = e.Metadata.SchemaVersion,
                Data = e.Data,
                RequestFingerprint = e.Metadata.RequestFingerprint ?? string.Empty,
            }) + "\n");
        }
    }
}
