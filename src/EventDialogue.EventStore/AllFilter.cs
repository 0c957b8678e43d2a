namespace EventDialogue.EventStore;

/// <summary>Which events of $all a reader wants: all of them, or only some stream categories or event types.</summary>
public sealed record AllFilter
{
    private AllFilter(IReadOnlyList<string> categories, IReadOnlyList<string> eventTypes)
    {
        Categories = categories;
        EventTypes = eventTypes;
    }

    public static AllFilter None { get; } = new([], []);

    /// <summary>Empty means no filter on categories.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Empty means no filter on event types.</summary>
    public IReadOnlyList<string> EventTypes { get; }

    public bool IsEmpty => Categories.Count == 0 && EventTypes.Count == 0;

    public static AllFilter ByCategory(params string[] categories)
    {
        if (categories.Length == 0)
        {
            throw new InvalidStoreRequestException("filter.categories", "name at least one category");
        }

        foreach (var category in categories)
        {
            if (!StreamName.IsValidCategory(category))
            {
                throw new InvalidStoreRequestException("filter.categories", $"'{category}' is not a category: lower-case letters and digits, starting with a letter");
            }
        }

        return new AllFilter([.. categories.Distinct(StringComparer.Ordinal)], []);
    }

    public static AllFilter ByEventType(params string[] eventTypes)
    {
        if (eventTypes.Length == 0)
        {
            throw new InvalidStoreRequestException("filter.event_types", "name at least one event type");
        }

        foreach (var type in eventTypes)
        {
            EventTypeName.Validate(type, "filter.event_types");
        }

        return new AllFilter([], [.. eventTypes.Distinct(StringComparer.Ordinal)]);
    }

    public bool Matches(RecordedEvent recorded) =>
        (Categories.Count == 0 || Categories.Contains(recorded.Stream.Category))
        && (EventTypes.Count == 0 || EventTypes.Contains(recorded.Type));
}
