using EventDialogue.EventStore.Access;

namespace EventDialogue.Server.Access;

/// <summary>
/// The key that lets the first admin in. A store with no key gets one on first start, holding every role so that
/// the zero-set-up server is usable at once: printed once, or written owner-only to <c>Security:AdminKeyFile</c>.
/// A key already in that file (a deployment's or a test's own) is stored instead, on any start, unless the store
/// has it — so revoking it sticks.
/// </summary>
public static class FirstAdminKey
{
    public const string CreatedBy = "(first start)";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Shared =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>What happened to the first key.</summary>
    /// <param name="Secret">The new key, when one was made and is to be printed (no file was configured); else null.</param>
    public sealed record Outcome(string? Secret, string Description);

    /// <exception cref="AccessStartException">The key file cannot be read or written, holds no key, or the name is another key's.</exception>
    public static async Task<Outcome> EnsureAsync(IApiKeyStore keys, SecurityOptions options, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.AdminKeyFile is { } file && File.Exists(file))
        {
            return await StoreGivenAsync(keys, options, file, clock, cancellationToken);
        }

        var secret = ApiKeySecret.Generate();
        if (options.AdminKeyFile is not { } target)
        {
            return await keys.AddFirstAsync(Stored(secret, options, clock), cancellationToken)
                ? new Outcome(secret, $"created the first admin key '{options.AdminKeyName}'")
                : new Outcome(null, "the store has API keys");
        }

        // Written before it is stored, so that a key is never stored without the one copy of it that lets anyone in.
        Write(target, secret);
        if (!await keys.AddFirstAsync(Stored(secret, options, clock), cancellationToken))
        {
            File.Delete(target);
            return new Outcome(null, "the store has API keys");
        }

        return new Outcome(null, $"created the first admin key '{options.AdminKeyName}' and wrote it to {target} ({SecurityOptions.AdminKeyFileKey})");
    }

    private static async Task<Outcome> StoreGivenAsync(IApiKeyStore keys, SecurityOptions options, string file, TimeProvider clock, CancellationToken cancellationToken)
    {
        var secret = Read(file);
        return await keys.AddAsync(Stored(secret, options, clock), cancellationToken) switch
        {
            ApiKeyAddOutcome.Added => new Outcome(null, $"stored the admin key '{options.AdminKeyName}' from {file} ({SecurityOptions.AdminKeyFileKey})"),
            ApiKeyAddOutcome.AlreadyStored => new Outcome(null, $"the admin key in {file} is stored already"),
            _ => throw new AccessStartException(
                $"{SecurityOptions.AdminKeyFileKey}: the store has another key named '{options.AdminKeyName}'; set {SecurityOptions.AdminKeyNameKey} to a name of its own for the key in {file}"),
        };
    }

    private static StoredApiKey Stored(string secret, SecurityOptions options, TimeProvider clock) =>
        new(options.AdminKeyName, ApiKeySecret.Hash(secret), Roles.All, clock.GetUtcNow(), CreatedBy);

    private static string Read(string file)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & Shared) != 0)
        {
            throw new AccessStartException($"{SecurityOptions.AdminKeyFileKey}: {file} may be read by others than its owner; make it owner-only (chmod 600 {file})");
        }

        string text;
        try
        {
            text = File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AccessStartException($"{SecurityOptions.AdminKeyFileKey}: cannot read {file}: {e.Message}", e);
        }

        return ApiKeySecret.LooksLikeKey(text)
            ? text
            : throw new AccessStartException($"{SecurityOptions.AdminKeyFileKey}: {file} does not hold an API key ({ApiKeySecret.Prefix} and {ApiKeySecret.Length - ApiKeySecret.Prefix.Length} base64url characters); delete it to have one made");
    }

    private static void Write(string file, string secret)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using var writer = new StreamWriter(file, System.Text.Encoding.ASCII, options);
            writer.Write(secret + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AccessStartException($"{SecurityOptions.AdminKeyFileKey}: cannot write the first admin key to {file}: {e.Message}", e);
        }
    }
}
