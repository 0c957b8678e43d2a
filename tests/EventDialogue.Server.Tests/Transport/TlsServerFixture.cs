using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Transport;

/// <summary>
/// One server for the collection serving both endpoints over TLS with a certificate the test made, and accepting (not
/// requiring) client certificates from the test's CA.
/// </summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;

    internal TestCertificates Certificates { get; private set; } = null!;

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not been started.");

    public async Task InitializeAsync()
    {
        Certificates = new TestCertificates(_workingDirectory);
        var settings = Certificates.ServerSettings();
        settings["Security:Tls:ClientCertificates"] = "allow";
        settings["Security:Tls:ClientCaPath"] = Certificates.CaPath;
        _server = ServerProcess.Start(_workingDirectory, settings, scheme: "https", httpHandler: () => TlsClient.Handler(Certificates.Authority));
        try
        {
            await _server.WaitUntilServingAsync(Timeouts.ServerStart);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        Certificates?.Dispose();
        TempDirectory.Delete(_workingDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class TlsServerGroup : ICollectionFixture<TlsServerFixture>
{
    public const string Name = "Server over TLS";
}
