using EventDialogue.Api.V1;
using EventDialogue.Domain.Common;
using EventDialogue.Server.Api.History;
using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Api.Views.Commitments;
using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Api.Views.Statements;
using Google.Protobuf.WellKnownTypes;
using ApiStep = EventDialogue.Api.V1.EntryHistoryStep;

namespace EventDialogue.Server.History.Entries;

/// <summary>Entry history and time travel between the API's messages and the queries; entries map as the live views map them.</summary>
public static class EntryHistoryMappings
{
    public static GetEntryHistoryQuery ToQuery(this GetEntryHistoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Stream);
    }

    public static GetEntryAsOfQuery ToQuery(this GetEntryAsOfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Stream, request.AtPosition, At(request.AtRecordedAt));
    }

    public static GetEntryHistoryResponse ToResponse(this EntryHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new GetEntryHistoryResponse
        {
            Stream = history.Stream.Value,
            Steps = { history.Steps.Select(s => new ApiStep { Event = s.Event.ToHistoryEvent(), Changes = { s.Changes.Select(ToApi) } }) },
            Retracted = history.Retracted,
        };
    }

    public static GetEntryAsOfResponse ToResponse(this EntryAsOf asOf)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        var response = new GetEntryAsOfResponse
        {
            Position = asOf.Last.Position.Value,
            RecordedAt = Timestamp.FromDateTimeOffset(asOf.Last.RecordedAt),
            Retracted = asOf.Retraction is not null,
            RetractionReason = asOf.Retraction?.Reason ?? string.Empty,
        };
        if (asOf.Round is { } round)
        {
            response.Round = round.ToApi();
        }
        else if (asOf.CaseFile is { } caseFile)
        {
            response.CaseFile = caseFile.ToApi();
        }
        else if (asOf.Commitment is { } commitment)
        {
            response.Commitment = commitment.ToApi();
        }
        else if (asOf.Statement is { } statement)
        {
            response.Statement = statement.ToApi();
        }

        return response;
    }

    private static FieldChange ToApi(EntryFieldChange change) => new()
    {
        Field = change.Field,
        Before = change.Before ?? string.Empty,
        After = change.After ?? string.Empty,
    };

    private static DateTimeOffset? At(Timestamp? timestamp)
    {
        if (timestamp is null)
        {
            return null;
        }

        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw DomainException.Invalid("at_recorded_at", "is not a valid time: seconds from 0001-01-01 to 9999-12-31, nanoseconds 0 to 999,999,999");
        }
    }
}
