using System.Globalization;
using System.Net;
using System.Text.Json;

namespace EventDialogue.Server.Tests.Views;

/// <summary>The same reads as JSON over HTTP/1.1, on the GET routes of views.proto's google.api.http annotations.</summary>
public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task Statements_about_rule_of_law_are_searched_by_a_JSON_GET_with_the_query_in_the_URL()
    {
        var given = await GivenWashington2010Async();

        using var json = await GetJsonAsync($"/v1/statements?query=rule%20of%20law&roundId={given.RoundId}&minPosition={given.LastPosition}", HttpStatusCode.OK);

        var statements = json.RootElement.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal([given.RuleOfLawTrack, given.SupremeCourt], statements.Select(s => s.GetProperty("statementId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(statements, s => Assert.Contains("[law]", s.GetProperty("match").GetProperty("highlightedText").GetString(), StringComparison.Ordinal));
        Assert.All(statements, s => Assert.True(s.GetProperty("match").GetProperty("rank").GetDouble() > 0));
    }

    [Fact]
    public async Task A_round_a_commitment_as_of_a_day_and_a_topic_are_read_by_JSON_GET()
    {
        var given = await GivenWashington2010Async();

        using var round = await GetJsonAsync($"/v1/rounds/{given.RoundId}?minPosition={given.LastPosition}", HttpStatusCode.OK);
        using var commitment = await GetJsonAsync($"/v1/commitments/{given.LegalExperts}?asOf=2010-06-01&minPosition={given.LastPosition}", HttpStatusCode.OK);
        using var topic = await GetJsonAsync($"/v1/topics/rule%20of%20law?minPosition={given.LastPosition}", HttpStatusCode.OK);
        using var rounds = await GetJsonAsync($"/v1/rounds?dialogueId={given.DialogueId}&status=scheduled&pageSize=1", HttpStatusCode.OK);

        Assert.Equal("15th", round.RootElement.GetProperty("round").GetProperty("ordinal").GetString());
        Assert.Equal(5, round.RootElement.GetProperty("round").GetProperty("statementsCount").GetInt32());
        Assert.Equal("pending", commitment.RootElement.GetProperty("commitment").GetProperty("status").GetString());
        Assert.Equal("rule of law", topic.RootElement.GetProperty("topic").GetProperty("topic").GetString());
        Assert.Equal(given.NextRoundId, rounds.RootElement.GetProperty("rounds")[0].GetProperty("roundId").GetString());
    }

    [Fact]
    public async Task A_JSON_GET_of_an_unknown_case_is_answered_404_and_one_with_a_bad_day_400_naming_the_field()
    {
        var missing = Unique("never-opened");

        using var notFound = await GetJsonAsync($"/v1/cases/{missing}", HttpStatusCode.NotFound);
        using var badDay = await GetJsonAsync("/v1/commitments?asOf=next%20year", HttpStatusCode.BadRequest);

        Assert.Equal(5, notFound.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(missing, notFound.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, badDay.RootElement.GetProperty("code").GetInt32());
        var badRequest = badDay.RootElement.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        Assert.Equal("as_of", badRequest.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    private async Task<JsonDocument> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var http = Server.NewJsonClient();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, string.Create(CultureInfo.InvariantCulture, $"GET {path}: {(int)response.StatusCode} {text}"));
        return JsonDocument.Parse(text);
    }
}
