using System.Security.Cryptography.X509Certificates;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using EventDialogue.Server.Tests.Transport;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Access.Certificates;

/// <summary>A client certificate the transport validated, mapped by its SHA-256 thumbprint to a principal with roles.</summary>
public sealed class ClientCertificatePrincipalTests : IAsyncLifetime
{
    private const string Principal = "cert-desk";
    private const string ClearedPrincipal = "cert-cleared-auditor";

    private readonly string _workingDirectory = TempDirectory.Create();
    private TestCertificates Certificates { get; set; } = null!;
    private X509Certificate2 ClearedClient { get; set; } = null!;
    private ServerProcess? _server;

    public async Task InitializeAsync()
    {
        Certificates = new TestCertificates(_workingDirectory);
        var settings = Certificates.ServerSettings();
        settings["Security:Tls:ClientCertificates"] = "allow";
        settings["Security:Tls:ClientCaPath"] = Certificates.CaPath;
        settings[$"Security:ClientCertificates:Principals:{Principal}:Thumbprint"] = Certificates.TrustedClient.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        settings[$"Security:ClientCertificates:Principals:{Principal}:Roles"] = "recorder";
        ClearedClient = Certificates.IssueClient("CN=cleared auditor");
        settings[$"Security:ClientCertificates:Principals:{ClearedPrincipal}:Thumbprint"] = ClearedClient.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        settings[$"Security:ClientCertificates:Principals:{ClearedPrincipal}:Roles"] = "auditor,cleared:confidential";
        _server = ServerProcess.Start(_workingDirectory, settings, scheme: "https", httpHandler: () => TlsClient.Handler(Certificates.Authority));
        await _server.WaitUntilServingAsync(Timeouts.ServerStart);
    }

    [Fact]
    public async Task Given_a_mapped_certificate_and_no_key_when_it_records_then_recorded_by_is_its_principal_and_reading_views_is_PERMISSION_DENIED()
    {
        using var channel = CertificateOnly(Certificates.TrustedClient);

        var written = await new RecordingService.RecordingServiceClient(channel).RegisterSourceAsync(Valid.Source(Valid.Id("cert-source")), Call());
        var refused = await Assert.ThrowsAsync<RpcException>(() => new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), Call()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        using var admin = _server!.CreateChannel();
        using var read = new HistoryService.HistoryServiceClient(admin).ReadStream(new ReadStreamRequest { Stream = written.Result.Stream }, Call());
        Assert.True(await read.ResponseStream.MoveNext());
        Assert.Equal(Principal, read.ResponseStream.Current.Event.RecordedBy);
    }

    [Fact]
    public async Task Given_a_certificate_of_the_CA_that_no_principal_names_when_it_calls_then_it_is_UNAUTHENTICATED_told_its_thumbprint()
    {
        var stranger = Certificates.IssueClient("CN=unmapped");
        using var channel = CertificateOnly(stranger);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new RecordingService.RecordingServiceClient(channel).RegisterSourceAsync(Valid.Source(Valid.Id("unmapped")), Call()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains(stranger.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_neither_a_key_nor_a_certificate_when_it_calls_then_the_refusal_names_both_ways_in()
    {
        using var channel = GrpcChannel.ForAddress(_server!.GrpcAddress, new GrpcChannelOptions { HttpHandler = TlsClient.Handler(Certificates.Authority), DisposeHttpClient = true });

        var refused = await Assert.ThrowsAsync<RpcException>(() => new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), Call()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("this call needs a credential: send an API key as 'authorization: Bearer edk_...' or a client certificate registered with this server (over TLS)", refused.Status.Detail);
    }

    [Fact]
    public async Task Given_a_case_raised_in_confidence_when_a_certificate_whose_roles_hold_cleared_confidential_reads_its_stream_then_it_sees_it_and_an_uncleared_key_does_not()
    {
        using var admin = _server!.CreateChannel();
        var secret = await ConfidentialRaising.RecordAsync(new RecordingService.RecordingServiceClient(admin));
        using var cleared = CertificateOnly(ClearedClient);

        Assert.Contains(secret.Position, await ConfidentialRaising.PositionsAsync(cleared, secret.Stream));
        Assert.DoesNotContain(secret.Position, await ConfidentialRaising.PositionsAsync(admin, secret.Stream));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        ClearedClient?.Dispose();
        Certificates?.Dispose();
        TempDirectory.Delete(_workingDirectory);
    }

    /// <summary>A channel that presents the certificate and sends no authorization header: the certificate is the credential.</summary>
    private GrpcChannel CertificateOnly(X509Certificate2 certificate) =>
        GrpcChannel.ForAddress(_server!.GrpcAddress, new GrpcChannelOptions { HttpHandler = TlsClient.Handler(Certificates.Authority, certificate), DisposeHttpClient = true });

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);
}
