using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EventDialogue.Server.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
