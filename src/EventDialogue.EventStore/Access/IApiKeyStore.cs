namespace EventDialogue.EventStore.Access;

/// <summary>
/// The API keys of one store, kept in its own database (the SQLite file, the PostgreSQL schema), so that every server
/// on that store sees a key as soon as it is created and stops accepting it as soon as it is revoked. Only each key's
/// hash is stored.
/// </summary>
public interface IApiKeyStore : IAsyncDisposable
{
    /// <summary>Stores a new key, unless its name is taken (by a live or a revoked key) or the same key is already stored.</summary>
    Task<ApiKeyAddOutcome> AddAsync(StoredApiKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the key only if the store holds no key at all, atomically: of servers starting together on an empty
    /// store, exactly one adds its first key.
    /// </summary>
    Task<bool> AddFirstAsync(StoredApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key with this hash, revoked or not, or null.</summary>
    Task<StoredApiKey?> FindAsync(ReadOnlyMemory<byte> hash, CancellationToken cancellationToken = default);

    /// <summary>Every key, revoked ones too, by name.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes the key of this name from <paramref name="at"/> on; revoking a revoked key keeps its first revocation.
    /// Null when no key has this name.
    /// </summary>
    Task<StoredApiKey?> RevokeAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default);
}
