using EventDialogue.Domain.Sources;
using EventDialogue.Server.Api.Views.Statements;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Sources;

/// <summary>
/// Where a citation leads: the source as registered (title, publisher, date, address of the document, reliability)
/// and the statements the record takes from it, each with its quoted words.
/// </summary>
public sealed class SourceModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public SourceRegistered? Source { get; private set; }

    public IReadOnlyList<StatementRead> Statements { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () =>
    {
        Source = await reads.SourceAsync(Id, HttpContext.RequestAborted);
        Statements = await reads.StatementsAsync(null, null, null, null, null, Id, HttpContext.RequestAborted);
    });
}
