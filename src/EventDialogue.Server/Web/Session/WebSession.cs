using Microsoft.AspNetCore.DataProtection;

namespace EventDialogue.Server.Web.Session;

/// <summary>
/// The web page's sign-in: the API key the reader typed, encrypted with the server's data protection keys, in an
/// HttpOnly, SameSite=Strict cookie (Secure when the page came over TLS). The key is looked up again on every page,
/// so a key revoked anywhere ends the session at the next click. The cookie is accepted by the web pages alone: the
/// gRPC and JSON API still want the credential on each call.
/// </summary>
public sealed class WebSession(IDataProtectionProvider protection)
{
    public const string CookieName = "eventdialogue-session";

    private readonly IDataProtector _protector = protection.CreateProtector("EventDialogue.Web.Session.v1");

    public void Start(HttpContext context, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, _protector.Protect(apiKey), Options(context));
    }

    public static void End(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, Options(context));
    }

    /// <summary>The API key the cookie carries; null when there is none or it was not made by this server's keys.</summary>
    public string? ApiKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Made before a restart (the keys are not kept) or by someone else: the reader signs in again.
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
