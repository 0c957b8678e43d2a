using EventDialogue.Server.Limits;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace EventDialogue.Server.Transport;

/// <summary>What Kestrel must know of the transport and the limits, applied to every endpoint.</summary>
public static class KestrelTransport
{
    public static void Apply(KestrelServerOptions kestrel, TransportOptions transport, LimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(limits);
        kestrel.Limits.Http2.MaxStreamsPerConnection = limits.MaxStreamsPerConnection;

        // Defaults for https endpoints from configuration: one that names its own certificate under Kestrel keeps it.
        kestrel.ConfigureHttpsDefaults(https =>
        {
            if (transport.ServerCertificate is not null)
            {
                https.ServerCertificate = transport.ServerCertificate;
            }

            if (transport.ClientAuthority is null)
            {
                return;
            }

            https.ClientCertificateMode = transport.ClientCertificates == ClientCertificates.Require
                ? ClientCertificateMode.RequireCertificate
                : ClientCertificateMode.AllowCertificate;

            // The chain is judged against the configured CA alone (ClientCertificateAuthority), revocation included.
            https.CheckCertificateRevocation = false;
            https.ClientCertificateValidation = transport.ClientAuthority.Validate;
        });
    }
}
