using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace EventDialogue.Client.Dataset;

/// <summary>
/// An entry's request id comes from its content, so importing the same entry again is a retry the server recognises
/// (it records nothing new), wherever the entry sits in the files.
/// </summary>
public static class RequestIds
{
    private const string Prefix = "import-";

    public static string For(DatasetEntry entry)
    {
        // JsonFormatter writes fields in field-number order: the same request always gives the same text.
        var content = $"{entry.Call.Name}\n{JsonFormatter.Default.Format(entry.Request)}";
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..40];
    }

    /// <summary>A copy of the entry's request with its request id set, ready to send.</summary>
    public static IMessage RequestOf(DatasetEntry entry)
    {
        var request = entry.Call.RequestType.Parser.ParseFrom(entry.Request.ToByteString());
        entry.Call.RequestType.FindFieldByName("request_id").Accessor.SetValue(request, For(entry));
        return request;
    }
}
