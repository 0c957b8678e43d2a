namespace EventDialogue.EventStore;

/// <summary>Checks an append to several streams before any I/O, each part as a lone append is checked, named by its index.</summary>
public static class MultiStreamAppendValidation
{
    /// <summary>Parts per call: as many as a batch of recording requests can make (one each).</summary>
    public const int MaxAppends = 1000;

    public static void Validate(IReadOnlyList<StreamAppend>? appends)
    {
        if (appends is null || appends.Count == 0)
        {
            throw new InvalidStoreRequestException("appends", "an append to several streams carries at least one append");
        }

        if (appends.Count > MaxAppends)
        {
            throw new InvalidStoreRequestException("appends", $"an append to several streams carries at most {MaxAppends} appends; this one has {appends.Count}");
        }

        // An id twice in one call is never a retry (a retry is a later call): the second would have to be judged
        // against the first before either is stored.
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new InvalidStoreRequestException($"appends[{i}]", "an append is required");
            try
            {
                AppendValidation.Validate(append.Stream, append.Events);
            }
            catch (InvalidStoreRequestException ex)
            {
                throw new InvalidStoreRequestException($"appends[{i}].{ex.Field}", ex.Reason);
            }

            foreach (var e in append.Events)
            {
                if (!seen.TryAdd(e.EventId, i) && seen[e.EventId] != i)
                {
                    throw new InvalidStoreRequestException($"appends[{i}].events", $"event id {e.EventId} is also in appends[{seen[e.EventId]}]");
                }
            }
        }
    }
}
