using EventDialogue.Server.Api.Parsing;
using Grpc.Core;
using Mediator;
using Rpc = EventDialogue.Api.V1.HistoryService;

namespace EventDialogue.Server.Api.History;

/// <summary>
/// The history RPCs, for auditors: each maps its request to a query, sends it through the mediator and maps the answer
/// back. Its methods are grouped by what they are about, one file each: reading the log (HistoryService.Reads.cs), one
/// entry's story and past states (HistoryService.Entries.cs), and restoring an export (HistoryService.Restore.cs).
/// </summary>
[BindServiceMethod(typeof(HistoryServiceBinding), nameof(HistoryServiceBinding.BindService))]
public sealed partial class HistoryService(ISender sender) : Rpc.HistoryServiceBase
{
    private ISender Sender { get; } = sender;
}
