using System.Diagnostics.CodeAnalysis;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Api;

/// <summary>
/// Who is recording, stored as every event's recorded-by. Until authentication lands it is one name for the whole
/// server: <c>Recording:RecordedBy</c>, or the operating-system user running it.
/// </summary>
public sealed class CallerIdentity
{
    public const string RecordedByKey = "Recording:RecordedBy";

    public CallerIdentity(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Reads the name, so that a blank or over-long one stops the server at start rather than failing every write.</summary>
    public static bool TryRead(IConfiguration configuration, [NotNullWhen(true)] out CallerIdentity? caller, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[RecordedByKey];
        var name = (configured ?? Environment.UserName).Trim();
        problem = name switch
        {
            "" when configured is not null => $"{RecordedByKey} is blank; give the name to record as recorded-by, or leave it unset for the operating-system user.",
            "" => $"the operating-system user has no name; set {RecordedByKey} to the name to record as recorded-by.",
            { Length: > StoreLimits.MaxMetadataFieldLength } => $"{RecordedByKey} is {name.Length} characters; at most {StoreLimits.MaxMetadataFieldLength} are stored.",
            _ => null,
        };
        caller = problem is null ? new CallerIdentity(name) : null;
        return caller is not null;
    }
}
