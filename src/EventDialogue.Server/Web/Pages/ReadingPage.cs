using EventDialogue.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EventDialogue.Server.Web.Pages;

/// <summary>A page that reads the views: a refused filter or an unknown id is shown on the page, with its HTTP status.</summary>
public abstract class ReadingPage : PageModel
{
    /// <summary>What was wrong with the request, in the query's own words; null when the read went through.</summary>
    public string? Problem { get; private set; }

    protected async Task<IActionResult> ReadAsync(Func<Task> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            await read();
        }
        catch (DomainException e)
        {
            Problem = e.Field is null ? e.Message : $"{e.Field}: {e.Message}";
            Response.StatusCode = e.Kind == DomainErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>An optional filter from the query string: empty is unset.</summary>
    protected static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
