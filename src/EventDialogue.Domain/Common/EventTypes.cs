using System.Collections.Concurrent;
using System.Reflection;

namespace EventDialogue.Domain.Common;

/// <summary>The stable names of the domain's events, read from their <see cref="EventTypeAttribute"/>.</summary>
public static class EventTypes
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string NameOf(IDomainEvent fact) => NameOf(fact.GetType());

    public static string NameOf(Type type) => Names.GetOrAdd(type, t =>
        t.GetCustomAttribute<EventTypeAttribute>()?.Name
        ?? throw new InvalidOperationException($"{t.Name} has no [EventType] name: every stored event needs a stable one"));

    /// <summary>Every domain event type in this assembly, by its stable name.</summary>
    public static IReadOnlyDictionary<string, Type> All { get; } = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(NameOf, t => t, StringComparer.Ordinal);
}
