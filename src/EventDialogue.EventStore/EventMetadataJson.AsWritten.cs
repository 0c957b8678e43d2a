using System.Buffers;
using System.Globalization;

namespace EventDialogue.EventStore;

/// <remarks>
/// Every event read is made with its metadata, so reading it is on the path of every read of the log; through the JSON
/// reader it cost about a microsecond an event, as much as the rest of making the event. Metadata stored by
/// <see cref="Serialize"/> has one exact shape, which is read here straight from the string. Anything else (another
/// order, whitespace, an escape or a character other than printable ASCII in a string, a property this version does
/// not know) is left to the JSON reader, so the two always agree.
/// </remarks>
public static partial class EventMetadataJson
{
    private const string RecordedByOpening = $"{{\"{RecordedBy}\":";
    private const string CorrelationIdAfter = $",\"{CorrelationId}\":";
    private const string CausationIdAfter = $",\"{CausationId}\":";
    private const string SchemaVersionAfter = $",\"{SchemaVersion}\":";
    private const string RequestFingerprintAfter = $",\"{RequestFingerprint}\":";

    // The writer puts nothing in a string raw but printable ASCII (the quote and the backslash escaped). Any other raw
    // character means another writer, and may read differently: the JSON reader replaces a lone surrogate, for one.
    private static readonly SearchValues<char> Unescaped = SearchValues.Create(
        [.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not '"' and not '\\')]);

    private static readonly SearchValues<char> SignOrDigit = SearchValues.Create("-0123456789");

    /// <returns>The metadata when <paramref name="json"/> is exactly as <see cref="Serialize"/> writes it; otherwise null.</returns>
    private static EventMetadata? ReadAsWritten(ReadOnlySpan<char> json)
    {
        if (!Skip(ref json, RecordedByOpening) || PlainString(ref json) is not { } recordedBy
            || !Skip(ref json, CorrelationIdAfter) || PlainString(ref json) is not { } correlationId)
        {
            return null;
        }

        string? causationId = null;
        if (Skip(ref json, CausationIdAfter))
        {
            // a request's events name it as both, so the one string serves
            causationId = PlainString(ref json, sameAs: correlationId);
            if (causationId is null)
            {
                return null;
            }
        }

        if (!Skip(ref json, SchemaVersionAfter) || Number(ref json) is not { } schemaVersion)
        {
            return null;
        }

        string? requestFingerprint = null;
        if (Skip(ref json, RequestFingerprintAfter))
        {
            requestFingerprint = PlainString(ref json);
            if (requestFingerprint is null)
            {
                return null;
            }
        }

        return json is "}" ? new EventMetadata(recordedBy, correlationId, causationId, schemaVersion, requestFingerprint) : null;
    }

    private static bool Skip(ref ReadOnlySpan<char> json, string expected)
    {
        if (!json.StartsWith(expected, StringComparison.Ordinal))
        {
            return false;
        }

        json = json[expected.Length..];
        return true;
    }

    /// <summary>A string value with nothing escaped in it, and the rest after it; null for anything else.</summary>
    private static string? PlainString(ref ReadOnlySpan<char> json, string? sameAs = null)
    {
        if (json.IsEmpty || json[0] != '"')
        {
            return null;
        }

        var length = json[1..].IndexOfAnyExcept(Unescaped);
        if (length < 0 || json[1 + length] != '"')
        {
            return null;
        }

        var value = json.Slice(1, length);
        json = json[(length + 2)..];
        return sameAs is not null && value.SequenceEqual(sameAs) ? sameAs : value.ToString();
    }

    /// <summary>An integer as the JSON writer writes one (digits, perhaps a minus, no leading zero), and the rest after it; null for anything else.</summary>
    private static int? Number(ref ReadOnlySpan<char> json)
    {
        var length = json.IndexOfAnyExcept(SignOrDigit);
        if (length <= 0)
        {
            return null;
        }

        var text = json[..length];
        var digits = text[0] == '-' ? text[1..] : text;
        if ((digits.Length > 1 && digits[0] == '0') || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        json = json[length..];
        return number;
    }
}
