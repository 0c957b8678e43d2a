namespace EventDialogue.EventStore;

/// <summary>
/// Which events of $all a reader wants, by stream category, event type and whole stream name. The kinds are AND-ed and
/// the values within one kind OR-ed; a kind left empty does not filter, so <see cref="None"/> matches every event.
/// </summary>
public sealed record AllFilter
{
    /// <summary>Values per kind: enough for any reader, few enough to stay one parameter list in every backend's SQL.</summary>
    public const int MaxValuesPerKind = 100;

    public const string CategoriesField = "filter.categories";
    public const string EventTypesField = "filter.event_types";
    public const string StreamsField = "filter.streams";

    private AllFilter(IReadOnlyList<string> categories, IReadOnlyList<string> eventTypes, IReadOnlyList<string> streams)
    {
        Categories = categories;
        EventTypes = eventTypes;
        Streams = streams;
    }

    public static AllFilter None { get; } = new([], [], []);

    /// <summary>Empty means no filter on categories.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Empty means no filter on event types.</summary>
    public IReadOnlyList<string> EventTypes { get; }

    /// <summary>Whole stream names; empty means no filter on streams.</summary>
    public IReadOnlyList<string> Streams { get; }

    public bool IsEmpty => Categories.Count == 0 && EventTypes.Count == 0 && Streams.Count == 0;

    public static AllFilter ByCategory(params string[] categories) => Of(categories: RequireSome(categories, CategoriesField, "category"));

    public static AllFilter ByEventType(params string[] eventTypes) => Of(eventTypes: RequireSome(eventTypes, EventTypesField, "event type"));

    public static AllFilter ByStream(params string[] streams) => Of(streams: RequireSome(streams, StreamsField, "stream"));

    /// <summary>A filter on any of the kinds at once; a kind given no values does not filter.</summary>
    /// <exception cref="InvalidStoreRequestException">A value is malformed, or a kind has too many; names the kind's field.</exception>
    public static AllFilter Of(IEnumerable<string>? categories = null, IEnumerable<string>? eventTypes = null, IEnumerable<string>? streams = null)
    {
        var categoryList = Listed(categories, CategoriesField);
        foreach (var category in categoryList)
        {
            if (!StreamName.IsValidCategory(category))
            {
                throw new InvalidStoreRequestException(CategoriesField, $"'{category}' is not a category: lower-case letters and digits, starting with a letter");
            }
        }

        var typeList = Listed(eventTypes, EventTypesField);
        foreach (var type in typeList)
        {
            EventTypeName.Validate(type, EventTypesField);
        }

        var streamList = Listed(streams, StreamsField);
        foreach (var stream in streamList)
        {
            ValidateStream(stream);
        }

        return categoryList.Length == 0 && typeList.Length == 0 && streamList.Length == 0 ? None : new AllFilter(categoryList, typeList, streamList);
    }

    public bool Matches(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return (Categories.Count == 0 || Categories.Contains(recorded.Stream.Category))
            && (EventTypes.Count == 0 || EventTypes.Contains(recorded.Type))
            && (Streams.Count == 0 || Streams.Contains(recorded.Stream.Value));
    }

    private static string[] RequireSome(string[] values, string field, string what)
    {
        if (values is null || values.Length == 0)
        {
            throw new InvalidStoreRequestException(field, $"name at least one {what}");
        }

        return values;
    }

    private static string[] Listed(IEnumerable<string>? values, string field)
    {
        var distinct = values is null ? [] : values.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length > MaxValuesPerKind)
        {
            throw new InvalidStoreRequestException(field, $"at most {MaxValuesPerKind} values; this filter has {distinct.Length}");
        }

        return distinct;
    }

    private static void ValidateStream(string stream)
    {
        try
        {
            StreamName.Parse(stream);
        }
        catch (InvalidStoreRequestException e)
        {
            throw new InvalidStoreRequestException(StreamsField, e.Reason);
        }
    }
}
