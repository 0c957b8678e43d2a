using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording.Checking;

/// <summary>
/// What deciding a run of commands will read, known before any is decided: each request's first event id (whether it
/// was recorded before) and the streams each command writes or names (which exist). Looked up at once
/// (<see cref="PendingEventStore.LookUpAheadAsync"/>), they cost a run one lookup of the store, not several per command.
/// A command whose stream or request id is malformed is left out: its decision refuses it without reading.
/// </summary>
internal static class CommandReads
{
    public static async Task LookUpAheadAsync(PendingEventStore pending, IEnumerable<RecordCommand> commands, CancellationToken cancellationToken)
    {
        var eventIds = new HashSet<Guid>();
        var streams = new HashSet<StreamName>();
        foreach (var command in commands)
        {
            if (!string.IsNullOrWhiteSpace(command.RequestId))
            {
                eventIds.Add(RequestEventIds.For(command.RequestId, 0));
            }

            if (Parsed(command.Command.Stream) is { } stream)
            {
                streams.UnionWith(StreamHistory.EntityStreams(stream));
            }

            foreach (var reference in command.Command.References)
            {
                if (Parsed(reference) is { } named)
                {
                    streams.Add(named);
                }
            }
        }

        await pending.LookUpAheadAsync(eventIds, streams, cancellationToken);
    }

    private static StreamName? Parsed(string? name)
    {
        try
        {
            return name is null ? null : StreamName.Parse(name);
        }
        catch (InvalidStoreRequestException)
        {
            return null;
        }
    }
}
