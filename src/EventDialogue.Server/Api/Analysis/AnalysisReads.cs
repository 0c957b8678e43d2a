using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Server.Api.Views.Common;

namespace EventDialogue.Server.Api.Analysis;

/// <summary>The whole views an analysis reads, read once per call: the computations themselves are pure.</summary>
internal static class AnalysisReads
{
    public static async Task<IReadOnlyList<CaseFileView>> CaseFilesAsync(ViewReader reader, CancellationToken cancellationToken) =>
        [.. (await reader.AllAsync(CaseFilesProjection.CasesCollection, [], cancellationToken)).Select(d => ViewJson.Read<CaseFileView>(d))];

    public static async Task<IReadOnlyList<RoundLinkView>> LinksAsync(ViewReader reader, string roundId, CancellationToken cancellationToken) =>
        [.. (await reader.AllAsync(RoundsProjection.LinksCollection, [new ViewTag("round", roundId)], cancellationToken)).Select(d => ViewJson.Read<RoundLinkView>(d))];

}
