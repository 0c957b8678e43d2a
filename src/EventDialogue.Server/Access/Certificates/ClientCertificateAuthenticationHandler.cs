using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EventDialogue.Server.Access.Certificates;

/// <summary>
/// Authenticates a call by the client certificate of its TLS connection. The transport has already judged the
/// certificate (it chains to Security:Tls:ClientCaPath, or the handshake failed: ClientCertificateAuthority), so this
/// only maps it to a configured principal; ASP.NET Core's certificate authentication would judge the chain a second
/// time, by settings of its own that would have to be kept in step with the transport's.
/// </summary>
public sealed class ClientCertificateAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ClientCertificatePrincipals principals) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.Connection.ClientCertificate is not { } certificate)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (principals.Find(certificate) is not { } principal)
        {
            // Its own thumbprint is no secret to the certificate's holder, and it is what an admin needs to map it.
            return Task.FromResult(AuthenticateResult.Fail(
                $"the client certificate is no principal of this server: an admin maps its SHA-256 thumbprint {ClientCertificatePrincipals.Thumbprint(certificate)} under {ClientCertificatePrincipals.Section}"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, principal.Name), .. principal.Roles.Select(role => new Claim(ClaimTypes.Role, role))],
            AccessSchemes.ClientCertificate,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AccessSchemes.ClientCertificate)));
    }
}
