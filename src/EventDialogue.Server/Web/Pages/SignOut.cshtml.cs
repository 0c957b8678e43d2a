using EventDialogue.Server.Web.Session;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EventDialogue.Server.Web.Pages;

/// <summary>Ends the session: the cookie is deleted (a POST, so that no link or image can sign a reader out).</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        WebSession.End(HttpContext);
        return Redirect("/sign-in");
    }
}
