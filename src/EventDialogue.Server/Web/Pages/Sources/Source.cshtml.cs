using EventDialogue.Server.Api.Views.Statements;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Sources;

/// <summary>
/// Where a citation leads: the source's id and the statements the record takes from it, each with its quoted words.
/// The views keep no document of the source itself (its title and address are in its own stream).
/// </summary>
public sealed class SourceModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public IReadOnlyList<StatementRead> Statements { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () =>
        Statements = await reads.StatementsAsync(null, null, null, null, null, Id, HttpContext.RequestAborted));
}
