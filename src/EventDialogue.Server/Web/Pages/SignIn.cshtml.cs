using EventDialogue.EventStore.Access;
using EventDialogue.Server.Access;
using EventDialogue.Server.Web.Session;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EventDialogue.Server.Web.Pages;

/// <summary>Takes an API key, checks it as the API does, and keeps it in the session cookie (<see cref="WebSession"/>).</summary>
public sealed class SignInModel(IApiKeyStore keys, WebSession session) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Refusal { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? apiKey)
    {
        var key = apiKey?.Trim() ?? string.Empty;
        if (await WebSessionAuthenticationHandler.PrincipalAsync(keys, key, HttpContext.RequestAborted) is null)
        {
            Refusal = ApiKeyAuthenticationHandler.NotAccepted;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        session.Start(HttpContext, key);

        // Only back to a page of this site: a link that sends the reader elsewhere after signing in is refused.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
