using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Views.Cases;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>A case file's current status: the report of the latest first day, on the same day the surer, of equals the later reported.</summary>
public sealed class CaseFileCurrentStatusTests
{
    private static readonly Citation Source = new("current-status-source", null, null);

    private static readonly CaseFilesProjection Projection = new((type, json, version) => DomainEventJson.Deserialize(type, json, version));

    [Fact]
    public void The_latest_first_day_wins_whatever_the_order_reported()
    {
        var current = CurrentOf(Report("detained", "2012-03", "believed", "first"), Report("released", "2014", "unconfirmed", "second"), Report("charged", "2013-01-05", "confirmed", "third"));

        Assert.Equal("second", current.Detail);
    }

    [Fact]
    public void On_the_same_first_day_the_surer_report_wins_even_when_reported_before_the_others()
    {
        var current = CurrentOf(Report("imprisoned", "2010-05-13", "confirmed", "sure"), Report("released", "2010-05-13", "believed", "less sure"), Report("missing", "2010-05-13", "unconfirmed", "least sure"));

        Assert.Equal("sure", current.Detail);
    }

    [Fact]
    public void Of_reports_equal_in_day_and_certainty_the_later_reported_wins_and_an_interval_counts_from_its_first_day()
    {
        var current = CurrentOf(Report("detained", "2010-05-13", "believed", "earlier"), Report("detained", "2010-05-13/2011", "believed", "later"), Report("detained", "2009", "confirmed", "older"));

        Assert.Equal("later", current.Detail);
    }

    private static CaseStatusReported Report(string status, string asOf, string certainty, string detail) =>
        new(status, asOf, null, null, detail, certainty, "unofficial", Source);

    private static StatusReportView CurrentOf(params CaseStatusReported[] reports)
    {
        List<IDomainEvent> history = [new CaseOpened("case-current", "person", [new CaseName("Someone", "Latn")], null, Source), .. reports];
        var document = Assert.Single(Projection.ProjectHistory(StreamName.FromStorage("case-case-current"), history, cleared: false));
        return Assert.IsType<StatusReportView>(ViewJson.Read<CaseFileView>(document.Json).CurrentStatus);
    }
}
