using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Transport;

[Collection(TlsServerGroup.Name)]
public sealed class TlsTests(TlsServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Given_a_server_with_a_PEM_certificate_when_a_gRPC_client_trusting_its_CA_calls_then_the_call_is_answered_over_TLS()
    {
        Assert.Equal(Uri.UriSchemeHttps, Server.GrpcAddress.Scheme);
        using var channel = TlsClient.Channel(Server.GrpcAddress, fixture.Certificates.Authority);

        var topics = await new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), deadline: Deadline());

        Assert.Empty(topics.Topics);
    }

    [Fact]
    public async Task Given_a_server_with_a_certificate_from_a_private_CA_when_a_client_that_trusts_only_the_system_roots_calls_then_it_refuses_the_connection()
    {
        using var channel = GrpcChannel.ForAddress(Server.GrpcAddress);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline()).ResponseAsync);

        Assert.True(TlsRefusal.IsClientRejection(refusal), refusal.Status.ToString());
    }

    [Fact]
    public async Task Given_the_JSON_endpoint_over_TLS_when_curl_trusts_the_CA_then_it_answers_and_without_it_curl_refuses_the_certificate()
    {
        Assert.Equal(Uri.UriSchemeHttps, Server.JsonAddress.Scheme);
        var topics = new Uri(Server.JsonAddress, "/v1/topics");

        var trusted = await Curl.GetAsync(topics, "--cacert", fixture.Certificates.CaPath, "--header", $"Authorization: Bearer {ServerProcess.AdminKey}");
        var untrusted = await Curl.GetAsync(topics);

        Assert.True(Curl.StatusCode(trusted) == "200", trusted.ToString());
        Assert.Contains("\"topics\"", trusted.Stdout, StringComparison.Ordinal);

        // 60: "the peer certificate cannot be authenticated with known CA certificates".
        Assert.True(untrusted.ExitCode == 60, untrusted.ToString());
    }

    [Fact]
    public async Task Given_client_certificates_allowed_when_a_client_presents_one_from_the_configured_CA_then_it_is_answered()
    {
        using var channel = TlsClient.Channel(Server.GrpcAddress, fixture.Certificates.Authority, fixture.Certificates.TrustedClient);

        var topics = await new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), deadline: Deadline());

        Assert.Empty(topics.Topics);
    }

    [Fact]
    public async Task Given_client_certificates_allowed_when_a_client_presents_one_from_another_CA_then_the_connection_is_refused()
    {
        using var channel = TlsClient.Channel(Server.GrpcAddress, fixture.Certificates.Authority, fixture.Certificates.UntrustedClient);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), deadline: Deadline()).ResponseAsync);

        Assert.True(TlsRefusal.IsHandshakeFailure(refusal), refusal.Status.ToString());
    }

    private static DateTime Deadline() => DateTime.UtcNow + Timeouts.Call;
}
