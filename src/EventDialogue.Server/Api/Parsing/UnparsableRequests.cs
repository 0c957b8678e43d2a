using System.Runtime.CompilerServices;
using System.Text;
using EventDialogue.Server.Api.Errors;
using Google.Protobuf;

namespace EventDialogue.Server.Api.Parsing;

/// <summary>
/// gRPC parses a request before any interceptor runs, and logs and answers UNKNOWN for whatever the parser throws.
/// So a request whose bytes do not parse is handed on as an empty message marked here, and the error interceptor
/// refuses it (INVALID_ARGUMENT, logged once) before any service sees it: one place still decides every refusal.
/// </summary>
public static class UnparsableRequests
{
    private static readonly ConditionalWeakTable<object, UnparsableRequestException> Marked = [];

    /// <summary>True for what the protobuf parser throws on bytes that are not a valid message.</summary>
    public static bool IsParseError(Exception exception) => exception is InvalidProtocolBufferException or DecoderFallbackException;

    /// <summary>An empty request standing for one whose bytes did not parse, for the error interceptor to refuse.</summary>
    public static TRequest Mark<TRequest>(Exception parseError)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(parseError);
        var empty = Activator.CreateInstance<TRequest>();
        var type = empty is IMessage message ? message.Descriptor.FullName : typeof(TRequest).Name;
        Marked.Add(empty, new UnparsableRequestException(type, ReasonOf(parseError), parseError));
        return empty;
    }

    public static void ThrowIfUnparsable(object? request)
    {
        if (request is not null && Marked.TryGetValue(request, out var refusal))
        {
            throw refusal;
        }
    }

    // The parser's first sentence says what was wrong (truncated, a bad tag, …); the rest is advice for protobuf's users.
    private static string ReasonOf(Exception parseError) => parseError is DecoderFallbackException
        ? "a string field is not valid UTF-8"
        : FirstSentence(parseError.Message);

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).TrimEnd('.');
    }
}
