using System.Text;
using EventDialogue.EventStore;
using EventDialogue.Server.EventStoreDb.Protocol;
using Mediator;
using Options = EventDialogue.Server.EventStoreDb.Protocol.ReadReq.Types.Options;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>Turns the options of EventStoreDB's ReadReq into one of our four reads, refusing what they cannot mean.</summary>
public static class ReadRequestMapping
{
    /// <summary>EventStoreDB's own window when a filter gives none: a checkpoint every this many events looked at.</summary>
    public const int DefaultSearchWindow = 32;

    public static IStreamQuery<ReadItem> ToQuery(ReadReq request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? throw new InvalidStoreRequestException("options", "the read's options are required");
        var direction = options.ReadDirection switch
        {
            Options.Types.ReadDirection.Forwards => Direction.Forwards,
            Options.Types.ReadDirection.Backwards => Direction.Backwards,
            var other => throw new InvalidStoreRequestException("options.read_direction", $"{(int)other} is neither Forwards (0) nor Backwards (1)"),
        };
        var subscribing = options.CountOptionCase switch
        {
            Options.CountOptionOneofCase.Subscription => true,
            Options.CountOptionOneofCase.Count => false,
            _ => throw new InvalidStoreRequestException("options.count_option", "give a count or subscription"),
        };
        var count = (long)Math.Min(options.Count, long.MaxValue);

        switch (options.StreamOptionCase)
        {
            case Options.StreamOptionOneofCase.Stream:
                RequireNoFilter(options, "a stream");
                var name = StreamNameOf(options.Stream.StreamIdentifier);
                var stream = TryParse(name);
                var from = StreamStartOf(options.Stream);
                if (subscribing)
                {
                    return new SubscribeToEventStoreDbStreamQuery(stream, from);
                }

                return new ReadEventStoreDbStreamQuery(stream, name, direction, from, count);
            case Options.StreamOptionOneofCase.All:
                var filter = FilterOf(options);
                var start = AllStartOf(options.All);
                if (subscribing)
                {
                    return new SubscribeToEventStoreDbAllQuery(start, filter, CheckpointEvery(options));
                }

                return new ReadEventStoreDbAllQuery(direction, start, count, filter);
            default:
                throw new InvalidStoreRequestException("options.stream_option", "give a stream or all");
        }
    }

    private static string StreamNameOf(StreamIdentifier? identifier)
    {
        if (identifier is null || identifier.StreamName.IsEmpty)
        {
            throw new InvalidStoreRequestException("options.stream.stream_identifier", "a stream name is required");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(identifier.StreamName.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidStoreRequestException("options.stream.stream_identifier", "the stream name is not valid UTF-8");
        }
    }

    // A name our store could never have held (EventStoreDB's "$"-streams, other shapes) is a stream with no events.
    private static StreamName? TryParse(string name)
    {
        try
        {
            return StreamName.Parse(name);
        }
        catch (InvalidStoreRequestException)
        {
            return null;
        }
    }

    private static StreamStart StreamStartOf(Options.Types.StreamOptions stream) => stream.RevisionOptionCase switch
    {
        Options.Types.StreamOptions.RevisionOptionOneofCase.Start => StreamStart.First,
        Options.Types.StreamOptions.RevisionOptionOneofCase.End => StreamStart.Last,
        Options.Types.StreamOptions.RevisionOptionOneofCase.Revision => StreamStart.At((long)Math.Min(stream.Revision, long.MaxValue)),
        _ => throw new InvalidStoreRequestException("options.stream.revision_option", "give a revision, start or end"),
    };

    private static AllStart AllStartOf(Options.Types.AllOptions all) => all.AllOptionCase switch
    {
        Options.Types.AllOptions.AllOptionOneofCase.Start => AllStart.First,
        Options.Types.AllOptions.AllOptionOneofCase.End => AllStart.Last,
        Options.Types.AllOptions.AllOptionOneofCase.Position => new AllStart(false, (long)Math.Min(all.Position.CommitPosition, long.MaxValue)),
        _ => throw new InvalidStoreRequestException("options.all.all_option", "give a position, start or end"),
    };

    private static void RequireNoFilter(Options options, string what)
    {
        if (options.FilterOptionCase == Options.FilterOptionOneofCase.Filter)
        {
            throw new InvalidStoreRequestException("options.filter", $"filters apply to $all, not to {what}");
        }
    }

    private static EventFilter? FilterOf(Options options)
    {
        if (options.FilterOptionCase != Options.FilterOptionOneofCase.Filter)
        {
            return null;
        }

        var filter = options.Filter;
        return filter.FilterCase switch
        {
            Options.Types.FilterOptions.FilterOneofCase.StreamIdentifier =>
                EventFilter.Create(onStreamName: true, filter.StreamIdentifier.Prefix, filter.StreamIdentifier.Regex, "options.filter.stream_identifier"),
            Options.Types.FilterOptions.FilterOneofCase.EventType =>
                EventFilter.Create(onStreamName: false, filter.EventType.Prefix, filter.EventType.Regex, "options.filter.event_type"),
            _ => throw new InvalidStoreRequestException("options.filter.filter", "give a stream_identifier or event_type expression"),
        };
    }

    private static long CheckpointEvery(Options options)
    {
        if (options.FilterOptionCase != Options.FilterOptionOneofCase.Filter)
        {
            return long.MaxValue;
        }

        var filter = options.Filter;
        if (filter.WindowCase == Options.Types.FilterOptions.WindowOneofCase.Max && filter.Max == 0)
        {
            throw new InvalidStoreRequestException("options.filter.max", "the search window must be at least 1");
        }

        if (filter.CheckpointIntervalMultiplier == 0)
        {
            throw new InvalidStoreRequestException("options.filter.checkpointIntervalMultiplier", "the checkpoint interval multiplier must be at least 1");
        }

        var window = filter.WindowCase == Options.Types.FilterOptions.WindowOneofCase.Max ? filter.Max : DefaultSearchWindow;
        return (long)window * filter.CheckpointIntervalMultiplier;
    }
}
