using EventDialogue.Domain.Common;
using EventDialogue.Server.History.Entries;
using EventDialogue.Server.Integrity;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.History;

/// <summary>
/// For auditors: an entry's full history with what each event (each correction) changed, the latest signed checkpoint,
/// and, for the browser's own check, each event's inclusion proof in that checkpoint's tree — read through the same
/// queries as HistoryService and AuditService.
/// </summary>
public sealed class IndexModel(ISender sender) : ReadingPage
{
    [BindProperty(SupportsGet = true, Name = "stream")]
    public string? Stream { get; set; }

    public SignedCheckpoint? Checkpoint { get; private set; }

    public EntryHistory? History { get; private set; }

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () =>
    {
        try
        {
            Checkpoint = await sender.Send(new GetCheckpointQuery(null), HttpContext.RequestAborted);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            // No checkpoint signed yet: the history still shows, the browser has nothing to check against.
            Checkpoint = null;
        }

        if (Given(Stream) is { } stream)
        {
            History = await sender.Send(new GetEntryHistoryQuery(stream), HttpContext.RequestAborted);
        }
    });

    /// <summary>
    /// The inclusion proof of the event at a position in the tree of a size, as JSON for the page's script: the leaf
    /// hash and the path, in hex; the script recomputes the root (RFC 9162) and compares it with the signed one.
    /// </summary>
    public async Task<IActionResult> OnGetProofAsync(long position, long treeSize)
    {
        try
        {
            var proof = await sender.Send(new GetInclusionProofQuery(position, treeSize), HttpContext.RequestAborted);
            return new JsonResult(new
            {
                leafIndex = proof.LeafIndex,
                treeSize = proof.TreeSize,
                leafHash = Convert.ToHexStringLower(proof.LeafHash),
                hashes = proof.Hashes.Select(Convert.ToHexStringLower).ToArray(),
            });
        }
        catch (DomainException e)
        {
            return new JsonResult(new { error = e.Message }) { StatusCode = StatusCodes.Status409Conflict };
        }
    }
}
