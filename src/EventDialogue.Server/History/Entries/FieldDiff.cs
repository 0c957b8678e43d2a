using System.Text.Json;
using EventDialogue.Domain.Common;

namespace EventDialogue.Server.History.Entries;

/// <summary>One field an event changed: its path in the event's data and its values as JSON, null when not set.</summary>
public sealed record EntryFieldChange(string Field, string? Before, string? After);

/// <summary>
/// Field-by-field comparison of domain events as they are stored (their JSON, written by <see cref="DomainEventJson"/>),
/// so that the paths an auditor reads ("text", "source.quote") are those of the stored data. Objects are walked into
/// dotted paths; a list is one value, since what a list holds is compared as a whole (a topic removed and another
/// added is one change of "topics"). A null is "not set", as the stored data writes an absent optional value.
/// </summary>
public static class FieldDiff
{
    /// <summary>Every field the event sets, with no before.</summary>
    public static IReadOnlyList<EntryFieldChange> Set(IDomainEvent fact) =>
        [.. Fields(fact).Select(f => new EntryFieldChange(f.Key, null, f.Value))];

    /// <summary>Every field the entry holds, as it stood, with no after: what a retraction takes away.</summary>
    public static IReadOnlyList<EntryFieldChange> Removed(IDomainEvent fact) =>
        [.. Fields(fact).Select(f => new EntryFieldChange(f.Key, f.Value, null))];

    /// <summary>The fields that differ between the entry as it stood and its replacement, in the order the replacement stores them (then any it dropped).</summary>
    public static IReadOnlyList<EntryFieldChange> Between(IDomainEvent before, IDomainEvent after)
    {
        var old = Fields(before);
        var now = Fields(after);
        var paths = now.Keys.Concat(old.Keys.Where(k => !now.ContainsKey(k)));
        return [.. paths
            .Select(p => new EntryFieldChange(p, old.GetValueOrDefault(p), now.GetValueOrDefault(p)))
            .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))];
    }

    /// <summary>The event's set fields by path, each value as JSON, in the order they are stored.</summary>
    private static OrderedDictionary<string, string> Fields(IDomainEvent fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        using var document = JsonDocument.Parse(DomainEventJson.Serialize(fact));
        var fields = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        Walk(document.RootElement, string.Empty, fields);
        return fields;
    }

    private static void Walk(JsonElement element, string path, OrderedDictionary<string, string> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", fields);
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                fields.Add(path, element.GetRawText());
                break;
        }
    }
}
