using EventDialogue.EventStore.Access;
using EventDialogue.Server.Access.Certificates;
using EventDialogue.Server.Access.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventDialogue.Server.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Authentication (HttpContext.User is the caller's principal, set before anything else reads the request) and
    /// the per-RPC policies. The caller keeps ownership of the key store.
    /// </summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IApiKeyStore keys, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        services.AddSingleton(keys);
        services.AddSingleton(security);
        services.AddSingleton(security.ClientCertificates);
        services.AddHttpContextAccessor();
        services.AddSingleton<CallerClearance>();
        services.AddSingleton<ConfidentialEvents>();
        // The core alone: the full AddAuthentication brings data protection, which would make and keep a key ring in
        // the user's profile at every start for cookies this server never issues.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options => options.DefaultScheme = AccessSchemes.Credential);
        var selector = new CredentialSelector(acceptJwt: security.Jwt is not null, acceptCertificates: security.ClientCertificates.Any);
        var authentication = new AuthenticationBuilder(services)
            .AddPolicyScheme(AccessSchemes.Credential, "Credential", options => options.ForwardDefaultSelector = selector.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, ClientCertificateAuthenticationHandler>(AccessSchemes.ClientCertificate, null);
        if (security.Jwt is { } jwt)
        {
            services.AddSingleton<IAuthenticationConfigurationProvider, NoSchemeConfiguration>();
            authentication.AddJwtBearer(AccessSchemes.Jwt, bearer => JwtBearerSetup.Apply(bearer, jwt));
        }

        services.AddAuthorization(AccessPolicies.Add);
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AccessRefusals>());
        return services;
    }
}
