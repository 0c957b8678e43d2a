using System.Text.RegularExpressions;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// EventStoreDB's server-side filter on $all: stream names or event types, matched by any of some prefixes or by a
/// regular expression. Applied to our events as they are read, since our store's own filter knows neither prefixes nor
/// expressions. Expressions run without backtracking, so a client's pattern cannot make the server spin.
/// </summary>
public sealed class EventFilter
{
    private readonly bool _onStreamName;
    private readonly IReadOnlyList<string> _prefixes;
    private readonly Regex? _pattern;

    private EventFilter(bool onStreamName, IReadOnlyList<string> prefixes, Regex? pattern)
    {
        _onStreamName = onStreamName;
        _prefixes = prefixes;
        _pattern = pattern;
    }

    /// <summary>Prefixes win over an expression when both are given, as in EventStoreDB; neither matches everything.</summary>
    public static EventFilter Create(bool onStreamName, IReadOnlyList<string> prefixes, string regex, string field)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        if (prefixes.Count > 0 || string.IsNullOrEmpty(regex))
        {
            return new EventFilter(onStreamName, prefixes, null);
        }

        try
        {
            return new EventFilter(onStreamName, [], new Regex(regex, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new InvalidStoreRequestException(
                $"{field}.regex",
                $"'{regex}' is not a regular expression this server runs (.NET syntax, without backreferences or lookarounds): {e.Message}");
        }
    }

    public bool Matches(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var subject = _onStreamName ? recorded.Stream.Value : recorded.Type;
        return _pattern?.IsMatch(subject) ?? (_prefixes.Count == 0 || _prefixes.Any(p => subject.StartsWith(p, StringComparison.Ordinal)));
    }
}
