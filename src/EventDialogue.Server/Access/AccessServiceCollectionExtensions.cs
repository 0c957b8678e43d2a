using EventDialogue.EventStore.Access;
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
    public static IServiceCollection AddAccess(this IServiceCollection services, IApiKeyStore keys)
    {
        services.AddSingleton(keys);
        services.AddHttpContextAccessor();
        services.AddSingleton<CallerClearance>();
        // The core alone: the full AddAuthentication brings data protection, which would make and keep a key ring in
        // the user's profile at every start for cookies this server never issues.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options => options.DefaultScheme = AccessSchemes.Credential);
        new AuthenticationBuilder(services)
            .AddPolicyScheme(AccessSchemes.Credential, "API key", options =>
            {
                // One place to choose the scheme by the credential sent; JWTs and client certificates join here.
                options.ForwardDefaultSelector = _ => AccessSchemes.ApiKey;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessSchemes.ApiKey, null);
        services.AddAuthorization(AccessPolicies.Add);
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AccessRefusals>());
        return services;
    }
}
