using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Access.Jwt;

/// <summary>Bearer JWTs from a real issuer: roles from the token, the same refusals as keys, recorded-by the subject.</summary>
[Collection(JwtGroup.Name)]
public sealed class JwtTests(JwtServer server)
{
    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public async Task Given_a_token_with_the_analyst_role_when_it_reads_a_view_then_it_is_answered_and_recording_is_PERMISSION_DENIED()
    {
        using var channel = server.Channel(await server.TokenAsync(JwtServer.Analyst));

        await new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), Call());
        var refused = await Assert.ThrowsAsync<RpcException>(() => new RecordingService.RecordingServiceClient(channel).RegisterSourceAsync(Valid.Source(Valid.Id("jwt-analyst")), Call()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains(JwtServer.Analyst, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_token_without_roles_when_it_reads_a_view_then_it_is_PERMISSION_DENIED()
    {
        using var channel = server.Channel(await server.TokenAsync(JwtServer.NoRoles));

        var refused = await Assert.ThrowsAsync<RpcException>(() => new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), Call()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Given_a_token_for_another_audience_when_it_calls_then_it_is_UNAUTHENTICATED()
    {
        var refused = await RefusedAsync(await server.TokenAsync(JwtServer.Analyst, JwtServer.OtherAudience));

        Assert.Contains("not for this server", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_expired_token_when_it_calls_then_it_is_UNAUTHENTICATED()
    {
        var token = await server.TokenAsync(JwtServer.ShortLived);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var refused = await RefusedAsync(token);

        Assert.Contains("expired", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_token_whose_payload_was_altered_when_it_calls_then_it_is_UNAUTHENTICATED()
    {
        var parts = (await server.TokenAsync(JwtServer.NoRoles)).Split('.');
        var analystPayload = (await server.TokenAsync(JwtServer.Analyst)).Split('.')[1];

        // The analyst's claims under the role-less token's signature: a forged grant of roles.
        await RefusedAsync($"{parts[0]}.{analystPayload}.{parts[2]}");
    }

    [Fact]
    public async Task Given_a_recorder_token_when_it_records_then_recorded_by_is_the_token_subject()
    {
        using var channel = server.Channel(await server.TokenAsync(JwtServer.Recorder));

        var written = await new RecordingService.RecordingServiceClient(channel).RegisterSourceAsync(Valid.Source(Valid.Id("jwt-recorder")), Call());

        using var admin = server.AdminChannel();
        using var read = new HistoryService.HistoryServiceClient(admin).ReadStream(new ReadStreamRequest { Stream = written.Result.Stream }, Call());
        Assert.True(await read.ResponseStream.MoveNext());
        Assert.Equal(JwtServer.Recorder, read.ResponseStream.Current.Event.RecordedBy);
    }

    [Fact]
    public async Task Given_no_credential_when_it_calls_then_the_refusal_names_every_kind_of_credential_this_server_accepts()
    {
        using var channel = server.Channel(token: null);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), Call()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("an API key", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"an access token from {server.Issuer.Address.ToString().TrimEnd('/')} for {JwtServer.Audience}", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_issuer_that_cannot_be_reached_when_a_token_comes_then_it_is_UNAVAILABLE_with_when_to_retry_not_UNAUTHENTICATED()
    {
        var directory = TempDirectory.Create();
        try
        {
            // A port the OS just handed out and took back: nothing listens there.
            var nowhere = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
            await using var cutOff = ServerProcess.Start(directory, new Dictionary<string, string>
            {
                ["EventStore:SqlitePath"] = Path.Combine(directory, "cut-off.sqlite"),
                ["Security:Jwt:Authority"] = nowhere,
                ["Security:Jwt:Audience"] = JwtServer.Audience,
            });
            await cutOff.WaitUntilServingAsync(Timeouts.ServerStart);
            using var channel = cutOff.CreateChannel(await server.TokenAsync(JwtServer.Analyst));

            var status = await GrpcRefusals.RefusedAsync(
                StatusCode.Unavailable,
                async () => await new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), Call()));

            Assert.Equal("ISSUER_UNAVAILABLE", status.GetDetail<ErrorInfo>()?.Reason);
            Assert.NotNull(status.GetDetail<RetryInfo>()?.RetryDelay);
            Assert.Contains("issuer", status.Message, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task Given_a_case_raised_in_confidence_when_auditors_read_its_stream_with_tokens_then_only_the_one_whose_roles_claim_holds_cleared_confidential_sees_it()
    {
        using var admin = server.AdminChannel();
        var secret = await ConfidentialRaising.RecordAsync(new RecordingService.RecordingServiceClient(admin));
        using var uncleared = server.Channel(await server.TokenAsync(JwtServer.Auditor));
        using var cleared = server.Channel(await server.TokenAsync(JwtServer.ClearedAuditor));

        Assert.DoesNotContain(secret.Position, await ConfidentialRaising.PositionsAsync(uncleared, secret.Stream));
        Assert.Contains(secret.Position, await ConfidentialRaising.PositionsAsync(cleared, secret.Stream));
    }

    private async Task<RpcException> RefusedAsync(string token)
    {
        using var channel = server.Channel(token);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), Call()).ResponseAsync);
        Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"{refused.Status}\n{server.Output}");
        return refused;
    }
}
