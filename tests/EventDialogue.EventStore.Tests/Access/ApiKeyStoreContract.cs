using System.Security.Cryptography;
using EventDialogue.EventStore.Access;

namespace EventDialogue.EventStore.Tests.Access;

/// <summary>The API-key store's contract, run against every backend: two stores opened on one database stand for two servers of a group.</summary>
public abstract class ApiKeyStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    protected IApiKeyStore Keys { get; private set; } = null!;

    protected IApiKeyStore SecondServer { get; private set; } = null!;

    protected abstract Task<IApiKeyStore> OpenAsync();

    public async Task InitializeAsync()
    {
        Keys = await OpenAsync();
        SecondServer = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await Keys.DisposeAsync();
        await SecondServer.DisposeAsync();
    }

    private static StoredApiKey Key(string name, params string[] roles) =>
        new(name, SHA256.HashData(RandomNumberGenerator.GetBytes(32)), roles.Length == 0 ? ["recorder"] : roles, Created, "admin");

    [Fact]
    public async Task Given_a_stored_key_when_its_hash_is_looked_up_then_its_name_roles_and_creator_come_back_on_every_server()
    {
        var key = Key("importer", "recorder", "analyst");

        Assert.Equal(ApiKeyAddOutcome.Added, await Keys.AddAsync(key));

        var found = await SecondServer.FindAsync(key.Hash);
        Assert.NotNull(found);
        Assert.Equal((key.Name, Convert.ToHexString(key.Hash), key.CreatedAt, "admin", false), (found.Name, Convert.ToHexString(found.Hash), found.CreatedAt, found.CreatedBy, found.IsRevoked));
        Assert.Equal(["recorder", "analyst"], found.Roles);
    }

    [Fact]
    public async Task Given_a_key_cleared_for_confidential_entries_when_it_is_found_or_listed_then_its_clearance_comes_back_apart_from_its_roles()
    {
        var cleared = Key("desk", "analyst") with { Clearances = ["confidential"] };
        var plain = Key("reader", "analyst");
        await Keys.AddAsync(cleared);
        await Keys.AddAsync(plain);

        var found = await SecondServer.FindAsync(cleared.Hash);
        Assert.NotNull(found);
        Assert.Equal(["analyst"], found.Roles);
        Assert.Equal(["confidential"], found.Clearances);
        Assert.Equal(
            [("desk", "confidential"), ("reader", "")],
            (await SecondServer.ListAsync()).Select(k => (k.Name, string.Join(',', k.Clearances))));
    }

    [Fact]
    public async Task Given_no_key_with_a_hash_when_it_is_looked_up_then_there_is_none()
    {
        await Keys.AddAsync(Key("importer"));

        Assert.Null(await Keys.FindAsync(SHA256.HashData("edk_never-issued"u8)));
    }

    [Fact]
    public async Task Given_a_name_in_use_or_revoked_when_another_key_takes_it_then_it_is_refused_and_nothing_changes()
    {
        var first = Key("importer");
        await Keys.AddAsync(first);
        await Keys.RevokeAsync("importer", Created.AddHours(1));

        var second = Key("importer", "admin");

        Assert.Equal(ApiKeyAddOutcome.NameTaken, await SecondServer.AddAsync(second));
        Assert.Null(await Keys.FindAsync(second.Hash));
        Assert.Single(await Keys.ListAsync());
    }

    [Fact]
    public async Task Given_a_stored_key_when_the_same_key_is_added_again_under_any_name_then_it_is_already_stored()
    {
        var key = Key("importer");
        await Keys.AddAsync(key);

        Assert.Equal(ApiKeyAddOutcome.AlreadyStored, await SecondServer.AddAsync(key));
        Assert.Equal(ApiKeyAddOutcome.AlreadyStored, await SecondServer.AddAsync(key with { Name = "other" }));
        Assert.Equal(["importer"], (await Keys.ListAsync()).Select(k => k.Name));
    }

    [Fact]
    public async Task Given_a_live_key_when_it_is_revoked_on_one_server_then_the_other_finds_it_revoked_at_once()
    {
        var key = Key("importer");
        await Keys.AddAsync(key);
        var at = Created.AddDays(1);

        var revoked = await Keys.RevokeAsync("importer", at);

        Assert.Equal(at, revoked?.RevokedAt);
        Assert.Equal(at, (await SecondServer.FindAsync(key.Hash))?.RevokedAt);
    }

    [Fact]
    public async Task Given_a_revoked_key_when_it_is_revoked_again_then_its_first_revocation_stands()
    {
        await Keys.AddAsync(Key("importer"));
        var first = Created.AddDays(1);
        await Keys.RevokeAsync("importer", first);

        var again = await SecondServer.RevokeAsync("importer", first.AddDays(1));

        Assert.Equal(first, again?.RevokedAt);
    }

    [Fact]
    public async Task Given_no_key_of_a_name_when_it_is_revoked_then_there_is_nothing_to_revoke()
    {
        await Keys.AddAsync(Key("importer"));

        Assert.Null(await Keys.RevokeAsync("nobody", Created));
        Assert.False((await Keys.ListAsync()).Single().IsRevoked);
    }

    [Fact]
    public async Task Given_keys_when_they_are_listed_then_all_come_by_name_revoked_ones_too()
    {
        await Keys.AddAsync(Key("zeta"));
        await Keys.AddAsync(Key("alpha"));
        await Keys.AddAsync(Key("mid"));
        await Keys.RevokeAsync("mid", Created);

        var listed = await SecondServer.ListAsync();

        Assert.Equal(["alpha", "mid", "zeta"], listed.Select(k => k.Name));
        Assert.Equal([false, true, false], listed.Select(k => k.IsRevoked));
    }

    [Fact]
    public async Task Given_an_empty_store_when_servers_add_their_first_key_together_then_exactly_one_is_added()
    {
        var candidates = Enumerable.Range(0, 6).Select(i => Key($"admin-{i}", "admin")).ToList();

        var added = await Task.WhenAll(candidates.Select((key, i) => (i % 2 == 0 ? Keys : SecondServer).AddFirstAsync(key)));

        Assert.Single(added, a => a);
        Assert.Single(await Keys.ListAsync());
    }

    [Fact]
    public async Task Given_a_store_with_a_key_when_a_first_key_is_added_then_it_is_not()
    {
        await Keys.AddAsync(Key("importer"));
        var late = Key("admin", "admin");

        Assert.False(await SecondServer.AddFirstAsync(late));
        Assert.Null(await Keys.FindAsync(late.Hash));
    }
}
