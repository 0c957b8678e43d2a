using System.Text;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>
/// HTTP requests to a method's transcoded route (its google.api.http rule): path variables and query parameters
/// filled from a random message or with values of the wrong shape, and, for a POST, a JSON body of the message, mostly
/// mutated.
/// </summary>
internal sealed class TranscodedRequests(Random random)
{
    private static readonly string[] QueryValues =
        ["abc", "", "-1", "0", "1", "99999999999999999999", "1.5", "%zz", "true", "2010-13-45", "%00", "a%2Fb", "%E2%80%AE", "eyJhZnRlciI6MX0"];

    private static readonly string[] PathValues = ["", "%zz", "a%2Fb", "..", "%00", "x%20y", "%F0%9F%98%80", new string('p', 2000)];

    private readonly JsonMutations _mutations = new(random);

    public HttpRequestMessage Create(HttpRule rule, IMessage message)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            _ => throw new InvalidOperationException($"no route in {rule}"),
        };

        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{([a-z_.]+)\}", variable => PathValue(message, variable.Groups[1].Value));
        var request = new HttpRequestMessage(verb, verb == HttpMethod.Get ? path + Query(message.Descriptor) : path);
        if (verb != HttpMethod.Get)
        {
            var json = Json(message);
            var body = random.Next(5) == 0 ? Encoding.UTF8.GetBytes(json) : _mutations.Mutate(json);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(random.Next(10) == 0 ? "text/plain" : "application/json");
        }

        return request;
    }

    private string PathValue(IMessage message, string variable)
    {
        var field = message.Descriptor.FindFieldByName(variable);
        if (random.Next(3) > 0 && field is { FieldType: FieldType.String or FieldType.Int64 or FieldType.Int32, IsRepeated: false })
        {
            return Uri.EscapeDataString(Convert.ToString(field.Accessor.GetValue(message), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return PathValues[random.Next(PathValues.Length)];
    }

    private string Query(MessageDescriptor type)
    {
        var fields = type.Fields.InDeclarationOrder();
        var parameters = Enumerable.Range(0, random.Next(4))
            .Select(_ => fields[random.Next(fields.Count)])
            .Select(field => $"{(random.Next(2) == 0 ? field.Name : field.JsonName)}={QueryValue(field)}");
        var query = string.Join('&', parameters);
        return query.Length == 0 ? "" : "?" + query;
    }

    // Only positions at or below the log's head for min_position, for the reason RandomMessages gives.
    private string QueryValue(FieldDescriptor field) =>
        field.Name == "min_position" ? new[] { "0", "1", "-1", "abc" }[random.Next(4)] : QueryValues[random.Next(QueryValues.Length)];

    private static string Json(IMessage message)
    {
        try
        {
            return JsonFormatter.Default.Format(message);
        }
        catch (InvalidOperationException)
        {
            // a well-known type holding a value JSON cannot express (a timestamp out of range)
            return "{}";
        }
    }
}
