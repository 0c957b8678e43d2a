using EventDialogue.Domain.Common;
using EventDialogue.EventStore.Access;
using Mediator;

namespace EventDialogue.Server.Access.Keys;

public sealed record RevokeKeyCommand(string Name) : ICommand<StoredApiKey>;

public sealed class RevokeKeyHandler(IApiKeyStore keys, TimeProvider clock) : ICommandHandler<RevokeKeyCommand, StoredApiKey>
{
    public async ValueTask<StoredApiKey> Handle(RevokeKeyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        KeyName.Check(command.Name);
        return await keys.RevokeAsync(command.Name, clock.GetUtcNow(), cancellationToken)
            ?? throw new DomainException(DomainErrorKind.NotFound, $"no key is named '{command.Name}'", "name");
    }
}
