using System.Net;
using System.Text;
using System.Text.Json;

namespace EventDialogue.Server.Tests.Errors;

public sealed partial class ErrorTests
{
    [Fact]
    public async Task A_query_parameter_of_the_wrong_kind_is_refused_with_400_naming_the_parameter_in_a_BadRequest()
    {
        using var http = server.NewJsonClient();

        using var response = await http.GetAsync(new Uri("/v1/statements?page_size=abc", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(3, json.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("page_size: 'abc' is not an integer", json.RootElement.GetProperty("message").GetString());
        var violation = json.RootElement.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations")[0];
        Assert.Equal("page_size", violation.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_query_parameter_of_the_right_kind_is_still_taken()
    {
        using var http = server.NewJsonClient();

        using var response = await http.GetAsync(new Uri("/v1/statements?page_size=2", UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_malformed_JSON_body_is_refused_with_400_and_a_message_saying_so()
    {
        using var http = server.NewJsonClient();
        using var body = new StringContent("{\"request_id\": \"r-1\", \"name\": ", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/v1/dialogues/us-china:establish", UriKind.Relative), body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Contains("JSON", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
