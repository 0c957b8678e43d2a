using EventDialogue.EventStore.Access;
using Mediator;

namespace EventDialogue.Server.Access.Keys;

public sealed record ListKeysQuery : IQuery<IReadOnlyList<StoredApiKey>>;

public sealed class ListKeysHandler(IApiKeyStore keys) : IQueryHandler<ListKeysQuery, IReadOnlyList<StoredApiKey>>
{
    public async ValueTask<IReadOnlyList<StoredApiKey>> Handle(ListKeysQuery query, CancellationToken cancellationToken) =>
        await keys.ListAsync(cancellationToken);
}
