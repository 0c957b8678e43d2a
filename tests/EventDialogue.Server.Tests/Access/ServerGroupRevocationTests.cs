using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Access;

/// <summary>Two servers on one PostgreSQL store: a key made on one works on the other, and revoked on one is refused by the other at once.</summary>
public sealed class ServerGroupRevocationTests : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private readonly string _schema = TestPostgres.NewSchemaName();
    private string _connectionString = string.Empty;
    private ServerProcess? _first;
    private ServerProcess? _second;

    public async Task InitializeAsync()
    {
        _connectionString = TestPostgres.ConnectionString();
        _first = ServerProcess.Start(_workingDirectory, TestPostgres.ServerSettings(_schema), TestPostgres.ServerEnvironment(_connectionString));
        _second = ServerProcess.Start(_workingDirectory, TestPostgres.ServerSettings(_schema), TestPostgres.ServerEnvironment(_connectionString));
        await Task.WhenAll(_first.WaitUntilServingAsync(Timeouts.ServerStart), _second.WaitUntilServingAsync(Timeouts.ServerStart));
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _first, _second }.OfType<ServerProcess>())
        {
            await server.DisposeAsync();
        }

        await TestPostgres.DropSchemaAsync(_connectionString, _schema);
        TempDirectory.Delete(_workingDirectory);
    }

    [Fact]
    public async Task Given_a_key_made_on_one_server_of_a_group_when_it_is_revoked_there_then_the_other_refuses_its_very_next_call()
    {
        using var adminChannel = _first!.CreateChannel();
        var admin = new KeysService.KeysServiceClient(adminChannel);
        var created = await admin.CreateKeyAsync(new CreateKeyRequest { Name = "group-reader", Roles = { "analyst" } }, Call());
        using var readerChannel = _second!.CreateChannel(created.Key);
        var views = new ViewsService.ViewsServiceClient(readerChannel);
        await views.ListRoundsAsync(new ListRoundsRequest(), Call());

        await admin.RevokeKeyAsync(new RevokeKeyRequest { Name = "group-reader" }, Call());

        var refused = await Assert.ThrowsAsync<RpcException>(() => views.ListRoundsAsync(new ListRoundsRequest(), Call()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);
}
