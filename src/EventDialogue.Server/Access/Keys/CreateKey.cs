using EventDialogue.Domain.Common;
using EventDialogue.EventStore.Access;
using Mediator;

namespace EventDialogue.Server.Access.Keys;

/// <summary>The key as created: the secret, shown this once, and what is stored of it.</summary>
public sealed record CreatedKey(string Secret, StoredApiKey Stored);

public sealed record CreateKeyCommand(string Name, IReadOnlyList<string> Roles, string CreatedBy, IReadOnlyList<string>? Cleared = null) : ICommand<CreatedKey>;

public sealed class CreateKeyHandler(IApiKeyStore keys, TimeProvider clock) : ICommandHandler<CreateKeyCommand, CreatedKey>
{
    public async ValueTask<CreatedKey> Handle(CreateKeyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        KeyName.Check(command.Name);
        var roles = command.Roles.Distinct(StringComparer.Ordinal).ToList();
        var violations = roles.Where(role => !Roles.IsKnown(role))
            .Select(role => new FieldViolation("roles", $"'{role}' is not a role: one of {string.Join(", ", Roles.All)}"))
            .ToList();
        var cleared = (command.Cleared ?? []).Distinct(StringComparer.Ordinal).ToList();
        violations.AddRange(cleared.Where(c => !Clearances.IsKnown(c))
            .Select(c => new FieldViolation("cleared", $"'{c}' is not a clearance: one of {string.Join(", ", Clearances.All)}")));
        if (roles.Count == 0)
        {
            violations.Add(new FieldViolation("roles", $"give at least one role: {string.Join(", ", Roles.All)}"));
        }

        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }

        var secret = ApiKeySecret.Generate();
        var stored = new StoredApiKey(command.Name, ApiKeySecret.Hash(secret), roles, clock.GetUtcNow(), command.CreatedBy) { Clearances = cleared };
        return await keys.AddAsync(stored, cancellationToken) switch
        {
            ApiKeyAddOutcome.Added => new CreatedKey(secret, stored),
            ApiKeyAddOutcome.NameTaken => throw new DomainException(DomainErrorKind.AlreadyExists, $"a key named '{command.Name}' exists or existed: key names are never reused, so that recorded-by stays unambiguous", "name"),
            var outcome => throw new InvalidOperationException($"a freshly generated key was {outcome}"),
        };
    }
}
