using System.Text.Json.Serialization;
using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Cases;

/// <summary>A name as written in one script: <c>Latn</c> (with or without tones), <c>Hans</c>, <c>Hant</c>, … (ISO 15924 codes).</summary>
public sealed record CaseName(string Text, string Script);

/// <summary>A person or group of concern enters the record.</summary>
[EventType("CaseOpened")]
public sealed record CaseOpened(string CaseId, string Kind, IReadOnlyList<CaseName> Names, string? Description, Citation Source) : ICitingFact;

/// <summary>
/// The case was raised: an intervention, in a round or another channel, by one side, in public or in confidence.
/// </summary>
/// <remarks>
/// Raised privately (<see cref="Publicly"/> false) is not raised in confidence: talks held in private are often told of
/// afterwards (the reference record's briefings). In confidence is the recorder's mark that the raising itself must
/// stay unknown to all but the cleared; left out of the stored JSON when false, so raisings recorded before it read the same.
/// </remarks>
[EventType("CaseRaised")]
public sealed record CaseRaised(
    string RaisedBy,
    string Channel,
    string? RoundId,
    bool Publicly,
    string Date,
    Citation Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool InConfidence = false) : ICitingFact, IConfidentialFact;

/// <summary>
/// A report of where the person stands, as of a date, with how sure it is and what kind of source says so: the same
/// person often has conflicting reports, and all of them are kept.
/// </summary>
[EventType("CaseStatusReported")]
public sealed record CaseStatusReported(
    string Status,
    string AsOf,
    string? Term,
    string? Charge,
    string? Detail,
    string Certainty,
    string SourceType,
    Citation Source) : ICitingFact;

/// <summary>The answer the raising side received, in a fixed vocabulary (no response, denial, … action taken).</summary>
/// <remarks>In confidence is left out of the stored JSON when false, so that responses recorded before it existed read the same.</remarks>
[EventType("CaseResponseReceived")]
public sealed record CaseResponseReceived(
    string From,
    string Response,
    string Date,
    string? Detail,
    Citation Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool InConfidence = false) : ICitingFact, IConfidentialFact;
