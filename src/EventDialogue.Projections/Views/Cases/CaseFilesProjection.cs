using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dates;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Cases;

/// <summary>The case files view: one document per case.</summary>
public sealed class CaseFilesProjection(Func<string, string, int, IDomainEvent> readStored) : StreamProjection(readStored)
{
    /// <summary>
    /// The version is in the name (see <see cref="Commitments.CommitmentsProjection.ProjectionName"/>): v2 keeps a document
    /// per audience for a stream with a confidential fact (#12), so a store built before is built again from the log.
    /// </summary>
    public const string ProjectionName = "case-files-v2";

    public const string CasesCollection = ProjectionName;

    private static readonly string[] CertaintyOrder = ["unconfirmed", "believed", "confirmed"];

    public override string Name => ProjectionName;

    protected override IReadOnlyList<string> Categories => [Streams.CaseCategory];

    protected override IReadOnlyList<string> DocumentCollections => [CasesCollection];

    protected override IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        var opened = effective.OfType<CaseOpened>().FirstOrDefault();
        if (opened is null)
        {
            yield break;
        }

        var dated = effective.OfType<CaseStatusReported>()
            .Select(e => (Report: new StatusReportView(e.Status, e.AsOf, e.Term, e.Charge, e.Detail, e.Certainty, e.SourceType, e.Source), FirstDay: FirstDay(e.AsOf)))
            .OrderBy(r => r.FirstDay)
            .ToList();
        var timeline = dated.ConvertAll(r => r.Report);
        var raised = effective.OfType<CaseRaised>().Select(e => new RaisingView(e.RaisedBy, e.Channel, e.RoundId, e.Publicly, e.Date, e.Source)).ToList();
        var view = new CaseFileView(
            opened.CaseId,
            opened.Kind,
            opened.Names,
            opened.Description,
            Current(dated),
            timeline,
            raised,
            [.. effective.OfType<CaseResponseReceived>().Select(e => new ResponseView(e.From, e.Response, e.Date, e.Detail, e.Source))],
            [.. Citations(effective)]);

        var tags = new List<ViewTag> { new("kind", view.Kind) };
        if (view.CurrentStatus is { } current)
        {
            tags.Add(new ViewTag("status", current.Status));
        }

        tags.AddRange(raised.Where(r => r.RoundId is not null).Select(r => new ViewTag("round", r.RoundId!)));
        tags.AddRange(raised.Select(r => new ViewTag("raised_by", r.RaisedBy)));
        var names = string.Join(' ', view.Names.Select(n => n.Text));
        yield return new ViewDocument(CasesCollection, view.CaseId, ViewJson.Write(view), view.CaseId, tags, $"{names} {view.Description}");
    }

    /// <summary>
    /// The latest report wins (ordered as the timeline is, by the first day it can mean); on the same day, the surer
    /// one; of equals, the later in the timeline. One pass over the timeline, whose days are parsed once.
    /// </summary>
    private static StatusReportView? Current(IReadOnlyList<(StatusReportView Report, DateOnly FirstDay)> timeline)
    {
        StatusReportView? current = null;
        (DateOnly FirstDay, int Certainty) best = default;
        foreach (var (report, firstDay) in timeline)
        {
            var rank = (firstDay, Array.IndexOf(CertaintyOrder, report.Certainty));
            if (current is null || rank.CompareTo(best) >= 0)
            {
                (current, best) = (report, rank);
            }
        }

        return current;
    }

    private static DateOnly FirstDay(string asOf) => EdtfDate.Parse(asOf).Earliest ?? DateOnly.MinValue;

    private static IEnumerable<Citation> Citations(IReadOnlyList<IDomainEvent> effective) => effective.Select(fact => fact switch
    {
        CaseOpened e => e.Source,
        CaseRaised e => e.Source,
        CaseStatusReported e => e.Source,
        CaseResponseReceived e => e.Source,
        _ => null,
    }).OfType<Citation>().Distinct();
}
