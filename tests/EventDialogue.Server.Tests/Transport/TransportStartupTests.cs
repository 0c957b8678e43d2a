using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Transport;

/// <summary>How the server starts, or refuses to, by what its endpoints would expose.</summary>
public sealed class TransportStartupTests
{
    [Fact]
    public async Task Given_plaintext_on_a_network_address_and_nothing_allowing_it_when_the_server_starts_then_it_exits_2_saying_why_and_what_to_set()
    {
        using var workingDirectory = new TempDirectory();
        await using var server = ServerProcess.Start(workingDirectory.Path, listenHost: "0.0.0.0");

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        var output = server.Output.ToString();
        Assert.True(exitCode == 2, output);
        Assert.Contains("cannot start: Kestrel:Endpoints:", output, StringComparison.Ordinal);
        Assert.Contains("plaintext", output, StringComparison.Ordinal);
        Assert.Contains("unencrypted", output, StringComparison.Ordinal);
        Assert.Contains("Security:AllowPlaintextOnNetwork=true", output, StringComparison.Ordinal);
        Assert.Contains("Security:Tls:CertificatePath", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_plaintext_on_a_network_address_allowed_in_configuration_when_the_server_starts_then_it_serves()
    {
        using var workingDirectory = new TempDirectory();
        await using var server = ServerProcess.Start(
            workingDirectory.Path,
            new Dictionary<string, string> { ["Security:AllowPlaintextOnNetwork"] = "true" },
            listenHost: "0.0.0.0");

        await server.WaitUntilServingAsync(Timeouts.ServerStart);
    }

    [Fact]
    public async Task Given_an_https_endpoint_and_no_certificate_when_the_server_starts_then_it_exits_2_naming_the_certificate_settings()
    {
        using var workingDirectory = new TempDirectory();
        await using var server = ServerProcess.Start(workingDirectory.Path, scheme: "https");

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        var output = server.Output.ToString();
        Assert.True(exitCode == 2, output);
        Assert.Contains("is https but no certificate is configured", output, StringComparison.Ordinal);
        Assert.Contains("Security:Tls:CertificatePath", output, StringComparison.Ordinal);
        Assert.Contains("Security:Tls:KeyPath", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_key_file_that_is_not_the_certificates_key_when_the_server_starts_then_it_exits_2_naming_both_files()
    {
        using var workingDirectory = new TempDirectory();
        using var certificates = new TestCertificates(workingDirectory.Path);
        var settings = certificates.ServerSettings();
        settings["Security:Tls:KeyPath"] = certificates.CaPath;
        await using var server = ServerProcess.Start(workingDirectory.Path, settings, scheme: "https");

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        var output = server.Output.ToString();
        Assert.True(exitCode == 2, output);
        Assert.Contains($"Security:Tls:KeyPath ({certificates.CaPath})", output, StringComparison.Ordinal);
        Assert.Contains($"Security:Tls:CertificatePath ({certificates.CertificatePath})", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_client_certificates_required_and_no_client_CA_when_the_server_starts_then_it_exits_2_naming_the_CA_setting()
    {
        using var workingDirectory = new TempDirectory();
        using var certificates = new TestCertificates(workingDirectory.Path);
        var settings = certificates.ServerSettings();
        settings["Security:Tls:ClientCertificates"] = "require";
        await using var server = ServerProcess.Start(workingDirectory.Path, settings, scheme: "https");

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        var output = server.Output.ToString();
        Assert.True(exitCode == 2, output);
        Assert.Contains("Security:Tls:ClientCaPath is not set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_client_certificates_required_when_clients_call_then_only_one_presenting_a_certificate_from_the_CA_is_answered()
    {
        using var workingDirectory = new TempDirectory();
        using var certificates = new TestCertificates(workingDirectory.Path);
        var settings = certificates.ServerSettings();
        settings["Security:Tls:ClientCertificates"] = "require";
        settings["Security:Tls:ClientCaPath"] = certificates.CaPath;
        await using var server = ServerProcess.Start(
            workingDirectory.Path,
            settings,
            scheme: "https",
            httpHandler: () => TlsClient.Handler(certificates.Authority, certificates.TrustedClient));
        await server.WaitUntilServingAsync(Timeouts.ServerStart);
        using var withCertificate = TlsClient.Channel(server.GrpcAddress, certificates.Authority, certificates.TrustedClient);
        using var withoutCertificate = TlsClient.Channel(server.GrpcAddress, certificates.Authority);
        using var withStrangersCertificate = TlsClient.Channel(server.GrpcAddress, certificates.Authority, certificates.UntrustedClient);

        var answered = await ListTopics(withCertificate);
        var withoutRefusal = await Assert.ThrowsAsync<RpcException>(() => ListTopics(withoutCertificate));
        var strangerRefusal = await Assert.ThrowsAsync<RpcException>(() => ListTopics(withStrangersCertificate));

        Assert.Empty(answered.Topics);
        Assert.True(TlsRefusal.IsHandshakeFailure(withoutRefusal), withoutRefusal.Status.ToString());
        Assert.True(TlsRefusal.IsHandshakeFailure(strangerRefusal), strangerRefusal.Status.ToString());
    }

    private static Task<ListTopicsResponse> ListTopics(Grpc.Net.Client.GrpcChannel channel) =>
        new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), deadline: DateTime.UtcNow + Timeouts.Call).ResponseAsync;
}
