using EventDialogue.EventStore;

namespace EventDialogue.Server.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the opened store as the singleton <see cref="IEventStore"/>, with the system clock beside it.
    /// The caller keeps ownership: the container does not dispose an instance it was handed.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, IEventStore store)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(store);
        return services;
    }
}
