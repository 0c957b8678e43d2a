namespace EventDialogue.Server.Transport;

/// <summary>Whether TLS clients are asked for a certificate, as Security:Tls:ClientCertificates names it.</summary>
public enum ClientCertificates
{
    /// <summary>No certificate is asked for.</summary>
    None,

    /// <summary>A client may present one; if it does, it must chain to the configured CA or the connection is refused.</summary>
    Allow,

    /// <summary>Every TLS connection must present a certificate that chains to the configured CA.</summary>
    Require,
}
