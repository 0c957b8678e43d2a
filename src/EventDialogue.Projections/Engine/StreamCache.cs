using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// What a <see cref="StreamProjection"/> last committed for the streams it followed: each stream's parsed facts and the
/// documents it produced. With it a batch neither reads a stream back from the log, nor parses it again, nor folds its
/// committed facts again to know the documents it had; that is most of a rebuild's work when long streams are touched
/// again and again.
/// <para>
/// It only ever holds what is committed. A batch's changes are kept aside, tagged with the position of the batch's
/// last event; the next transaction's checkpoint says whether that batch was committed (it equals that position) or
/// not (it is still where the cache was), and anything else (a reset, another process moving the view) empties the
/// cache. So a rolled-back batch, a crash or a rebuild can never leave it ahead of or behind the views it mirrors.
/// </para>
/// <para>Bounded: past <see cref="MaxEvents"/> cached events, the streams touched longest ago are dropped.</para>
/// </summary>
internal sealed class StreamCache(int maxEvents)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CachedStream> _streams = new(StringComparer.Ordinal);
    private Position _validAt = Position.Start;
    private Pending? _pending;
    private long _events;
    private long _generation;

    // Whether it holds every stream the views hold: true from an empty view (checkpoint at the start) until a stream is
    // evicted. Then a stream it does not hold has nothing in the views, and a rebuild never asks the store of a new stream.
    private bool _complete = true;

    public int MaxEvents { get; } = maxEvents;

    /// <summary>Settles the last batch's changes against the checkpoint a new transaction holds.</summary>
    public void Begin(Position checkpoint)
    {
        lock (_gate)
        {
            if (_pending is { } pending && pending.At == checkpoint && pending.Base == _validAt)
            {
                foreach (var (stream, cached) in pending.Changes)
                {
                    if (_streams.Remove(stream, out var old))
                    {
                        _events -= old.Facts.Count;
                    }

                    _streams[stream] = cached with { Generation = _generation };
                    _events += cached.Facts.Count;
                }

                _generation++;
                _validAt = checkpoint;
                Evict();
            }
            else if (checkpoint != _validAt)
            {
                _streams.Clear();
                _events = 0;
                _validAt = checkpoint;
                _complete = checkpoint == Position.Start;
            }

            _pending = null;
        }
    }

    /// <summary>The stream as committed at the checkpoint the current batch began from, if known without asking the store.</summary>
    public CachedStream? Find(string stream)
    {
        lock (_gate)
        {
            return _streams.GetValueOrDefault(stream) ?? (_complete ? CachedStream.Empty : null);
        }
    }

    /// <summary>Keeps a flushed batch's streams aside until the next transaction says whether it was committed.</summary>
    public void Flushed(Position began, Position at, IReadOnlyDictionary<string, CachedStream> changes)
    {
        lock (_gate)
        {
            _pending = new Pending(began, at, changes);
        }
    }

    private void Evict()
    {
        if (_events <= MaxEvents)
        {
            return;
        }

        // down to three quarters, so that eviction is not paid again at the next batch
        foreach (var (stream, cached) in _streams.OrderBy(s => s.Value.Generation).ToList())
        {
            if (_events <= MaxEvents * 3L / 4)
            {
                break;
            }

            _streams.Remove(stream);
            _events -= cached.Facts.Count;
            _complete = false;
        }
    }

    private sealed record Pending(Position Base, Position At, IReadOnlyDictionary<string, CachedStream> Changes);
}

/// <summary>A stream as committed: its facts, parsed, in the order recorded, and the documents it produced (tags included).</summary>
internal sealed record CachedStream(IReadOnlyList<EntityFact> Facts, IReadOnlyList<ViewDocument> Documents, long Generation = 0)
{
    /// <summary>A stream the views hold nothing of.</summary>
    public static CachedStream Empty { get; } = new([], []);
}
