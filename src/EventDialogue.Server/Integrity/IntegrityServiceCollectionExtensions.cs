using EventDialogue.EventStore;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

public static class IntegrityServiceCollectionExtensions
{
    /// <summary>
    /// The store's Merkle tree of the log, the key that signs its checkpoints, and the background signer. The caller
    /// keeps ownership of the store and the key.
    /// </summary>
    public static IServiceCollection AddIntegrity(this IServiceCollection services, IEventStore store, LogSigningKey key, IntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        var tree = store as ILogTree ?? throw new InvalidOperationException($"The event store {store.GetType().Name} keeps no Merkle tree of its log ({nameof(ILogTree)}).");
        services.AddSingleton(tree);
        services.AddSingleton(key);
        services.AddSingleton(options);
        services.AddSingleton<IntegrityState>();
        services.AddSingleton<LogCheck>();
        services.AddSingleton<LogSelfCheck>();
        // Registered before the signer, so the start-up check has run (and may have stopped the signing) when it first signs.
        services.AddHostedService<StartupLogCheck>();
        services.AddHostedService<CheckpointSigner>();
        return services;
    }
}
