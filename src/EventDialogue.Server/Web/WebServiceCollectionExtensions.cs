using EventDialogue.Server.Access;
using EventDialogue.Server.Web.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;

namespace EventDialogue.Server.Web;

/// <summary>The web page for analysts and auditors: Razor Pages under Web/Pages, reading through the views' own queries.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>Where the static files (the page's style, script and the vendored chart.js) are served from.</summary>
    public const string AssetsPath = "/assets";

    /// <summary>The pages that read the views, for analysts.</summary>
    private static readonly string[] ViewsFolders = ["/Commitments", "/Cases", "/Rounds", "/Statements", "/Sources"];

    /// <summary>Call after AddAccess: the web's refusals wrap the API's.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        // Keys in memory only: sign-ins and forms do not outlive a restart (the reader signs in again), and no key
        // ring is written into the user's profile.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<WebSession>();
        services.AddSingleton<Reading.WebReads>();
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, WebSessionAuthenticationHandler>(WebSessionAuthenticationHandler.SchemeName, null);
        services.Configure<AuthorizationOptions>(WebPolicies.Add);
        services.AddSingleton<AccessRefusals>();
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, WebRefusals>());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "eventdialogue-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            // Each folder its role, as the API's views and history services have theirs; a page left out of this list
            // still needs a credential (the fallback policy), but not one a reader can give, so none is left out.
            foreach (var views in ViewsFolders)
            {
                options.Conventions.AuthorizeFolder(views, WebPolicies.Analyst);
            }

            options.Conventions.AuthorizeFolder("/History", WebPolicies.Auditor);
            options.Conventions.AuthorizePage("/Index", WebPolicies.SignedIn);
            options.Conventions.AuthorizePage("/SignOut", WebPolicies.SignedIn);
            options.Conventions.AllowAnonymousToPage("/SignIn");
        });
        return services;
    }

    /// <summary>The static files, served before authentication (they hold nothing of the record).</summary>
    public static WebApplication UseWebAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Web", "Assets")),
            RequestPath = AssetsPath,
        });
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages().WithMetadata(new WebPageEndpoint());
        return app;
    }
}
