using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;
using Grpc.Health.V1;

namespace EventDialogue.Server.Tests.Access;

/// <summary>API keys over gRPC: who gets in, what they are told when they do not, and whose name their events carry.</summary>
[Collection(AccessGroup.Name)]
public sealed class ApiKeyTests(AccessServer server)
{
    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    private RecordingService.RecordingServiceClient Recording(string? apiKey) => new(server.Channel(apiKey));

    [Fact]
    public async Task Given_no_credential_when_recording_then_it_is_UNAUTHENTICATED_saying_how_to_send_a_key_and_nothing_is_recorded()
    {
        var sourceId = Valid.Id("anonymous");

        var refused = await Assert.ThrowsAsync<RpcException>(() => Recording(null).RegisterSourceAsync(Valid.Source(sourceId), Call()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("authorization: Bearer", refused.Status.Detail, StringComparison.Ordinal);
        var history = new HistoryService.HistoryServiceClient(server.AdminChannel);
        var read = Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = history.ReadStream(new ReadStreamRequest { Stream = $"source-{sourceId}" }, Call());
            await call.ResponseStream.MoveNext();
        });
        Assert.Equal(StatusCode.NotFound, (await read).StatusCode);
    }

    [Fact]
    public async Task Given_an_unknown_key_and_a_revoked_one_when_each_calls_then_both_are_UNAUTHENTICATED_with_the_same_answer()
    {
        var (name, revokedKey) = await server.CreateKeyAsync("revoked", "recorder");
        await server.AdminKeys.RevokeKeyAsync(new RevokeKeyRequest { Name = name }, Call());
        var neverIssued = "edk_" + new string('A', 43);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Recording(neverIssued).RegisterSourceAsync(Valid.Source(Valid.Id("unknown")), Call()).ResponseAsync);
        var revoked = await Assert.ThrowsAsync<RpcException>(() => Recording(revokedKey).RegisterSourceAsync(Valid.Source(Valid.Id("revoked")), Call()).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Recording("not-a-key").RegisterSourceAsync(Valid.Source(Valid.Id("malformed")), Call()).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, unknown.Status.Detail), (revoked.StatusCode, revoked.Status.Detail));
        Assert.Equal((StatusCode.Unauthenticated, unknown.Status.Detail), (malformed.StatusCode, malformed.Status.Detail));
        Assert.Contains("not accepted", unknown.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_key_without_the_role_when_it_calls_then_it_is_PERMISSION_DENIED_naming_the_role_it_lacks()
    {
        var (name, key) = await server.CreateKeyAsync("reader", "analyst");

        var refused = await Assert.ThrowsAsync<RpcException>(() => Recording(key).RegisterSourceAsync(Valid.Source(Valid.Id("reader")), Call()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains(name, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("recorder", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_recorder_key_when_it_records_then_the_history_names_the_key_as_recorded_by()
    {
        var (name, key) = await server.CreateKeyAsync("desk-clerk", "recorder");
        var sourceId = Valid.Id("clerk-source");

        var written = await Recording(key).RegisterSourceAsync(Valid.Source(sourceId), Call());

        var history = new HistoryService.HistoryServiceClient(server.AdminChannel);
        using var call = history.ReadStream(new ReadStreamRequest { Stream = written.Result.Stream }, Call());
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(name, call.ResponseStream.Current.Event.RecordedBy);
    }

    [Fact]
    public async Task Given_a_key_in_use_when_an_admin_revokes_it_then_its_next_call_is_refused()
    {
        var (name, key) = await server.CreateKeyAsync("short-lived", "analyst");
        var views = new ViewsService.ViewsServiceClient(server.Channel(key));
        await views.ListRoundsAsync(new ListRoundsRequest(), Call());

        var revoked = await server.AdminKeys.RevokeKeyAsync(new RevokeKeyRequest { Name = name }, Call());

        Assert.NotNull(revoked.ApiKey.RevokedAt);
        var refused = await Assert.ThrowsAsync<RpcException>(() => views.ListRoundsAsync(new ListRoundsRequest(), Call()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Given_no_credential_when_health_is_checked_then_it_answers()
    {
        var health = new Health.HealthClient(server.Channel(null));

        var reply = await health.CheckAsync(new HealthCheckRequest(), Call());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Given_a_key_request_with_unknown_roles_or_none_or_a_bad_name_then_it_is_INVALID_ARGUMENT_naming_the_field()
    {
        var badRole = await Assert.ThrowsAsync<RpcException>(() => server.AdminKeys.CreateKeyAsync(new CreateKeyRequest { Name = "ok-name", Roles = { "superuser" } }, Call()).ResponseAsync);
        var noRole = await Assert.ThrowsAsync<RpcException>(() => server.AdminKeys.CreateKeyAsync(new CreateKeyRequest { Name = "ok-name" }, Call()).ResponseAsync);
        var badName = await Assert.ThrowsAsync<RpcException>(() => server.AdminKeys.CreateKeyAsync(new CreateKeyRequest { Name = "Has Spaces", Roles = { "analyst" } }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, badRole.StatusCode);
        Assert.StartsWith("roles: 'superuser' is not a role", badRole.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("roles: give at least one role", noRole.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("name: 'Has Spaces' is not a key name", badName.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_revoked_key_s_name_when_a_new_key_takes_it_then_it_is_ALREADY_EXISTS()
    {
        var (name, _) = await server.CreateKeyAsync("once", "auditor");
        await server.AdminKeys.RevokeKeyAsync(new RevokeKeyRequest { Name = name }, Call());

        var refused = await Assert.ThrowsAsync<RpcException>(() => server.AdminKeys.CreateKeyAsync(new CreateKeyRequest { Name = name, Roles = { "auditor" } }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
    }

    [Fact]
    public async Task Given_no_key_of_a_name_when_it_is_revoked_then_it_is_NOT_FOUND()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => server.AdminKeys.RevokeKeyAsync(new RevokeKeyRequest { Name = "never-created" }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }
}
