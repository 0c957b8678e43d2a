using System.Text;
using System.Text.RegularExpressions;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>
/// JSON bodies that are mostly wrong: values of the wrong type, truncated text, stray characters, unknown fields,
/// nesting deeper than any reader allows, invalid UTF-8, another top-level type, or no JSON at all.
/// </summary>
internal sealed partial class JsonMutations(Random random)
{
    private static readonly string[] WrongValues =
        ["123", "-1", "\"abc\"", "true", "null", "[]", "{}", "1e999", "-0", "99999999999999999999999", "\"\\u0000\"", "\"2010-13-45\"", "1.5", "\"\\ud800\""];

    private static readonly string[] WrongDocuments = ["", "[]", "\"x\"", "1", "null", "{", "}", "{\"a\":}", "{'a':1}"];

    public byte[] Mutate(string json) => random.Next(9) switch
    {
        0 => Garbage(),
        1 => Encoding.UTF8.GetBytes(json[..random.Next(json.Length + 1)]),
        2 => Encoding.UTF8.GetBytes(ReplaceAValue(json)),
        3 => Encoding.UTF8.GetBytes(json.Insert(random.Next(json.Length + 1), ((char)random.Next(0x20, 0x7F)).ToString())),
        4 => Encoding.UTF8.GetBytes(json.Length > 1 ? $"{{\"not_a_field_{random.Next(100)}\": {Pick(WrongValues)}, {json[1..]}" : json),
        5 => Encoding.UTF8.GetBytes($"{{\"request_id\": {new string('[', 2000)}{new string(']', 2000)}}}"),
        6 => [.. Encoding.UTF8.GetBytes("{\"request_id\": \""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")],
        7 => Encoding.UTF8.GetBytes(Pick(WrongDocuments)),
        _ => Encoding.UTF8.GetBytes(json),
    };

    private string ReplaceAValue(string json)
    {
        var values = Value().Matches(json);
        if (values.Count == 0)
        {
            return json;
        }

        var value = values[random.Next(values.Count)].Groups["value"];
        return string.Concat(json.AsSpan(0, value.Index), Pick(WrongValues), json.AsSpan(value.Index + value.Length));
    }

    private byte[] Garbage()
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    // A scalar value after a key; objects and arrays are replaced by their first token, which breaks them as well.
    [GeneratedRegex(@":\s*(?<value>""(?:[^""\\]|\\.)*""|-?[0-9][0-9.eE+-]*|true|false|null|\{|\[)")]
    private static partial Regex Value();
}
