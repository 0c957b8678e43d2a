using EventDialogue.Api.V1;
using EventDialogue.Domain.Common;
using EventDialogue.Server.Api.Cases;
using EventDialogue.Server.Api.Commitments;
using EventDialogue.Server.Api.Corrections;
using EventDialogue.Server.Api.Dialogues;
using EventDialogue.Server.Api.Rounds;
using EventDialogue.Server.Api.Sources;
using EventDialogue.Server.Api.Statements;
using EventDialogue.Server.Recording;
using EventDialogue.Server.Recording.Checking;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ApiExpectedRevision = EventDialogue.Api.V1.ExpectedRevision;
using StoreExpectedRevision = EventDialogue.EventStore.ExpectedRevision;

namespace EventDialogue.Server.Api.Common;

/// <summary>
/// The one table from recording requests to what they record: the domain command, and the two fields every request
/// carries besides it (request id, expected revision).
/// </summary>
internal static class RecordingRequests
{
    public const int MaxRequestsPerCheck = 1000;

    private static readonly Dictionary<string, Google.Protobuf.Reflection.MessageDescriptor> RequestTypes =
        EventDialogue.Api.V1.RecordingService.Descriptor.Methods.Select(method => method.InputType)
            .Where(type => type != CheckRequestsRequest.Descriptor)
            .ToDictionary(type => type.FullName, StringComparer.Ordinal);

    /// <summary>The packed requests of a check, each turned into what it would record; a bad one is named by its index.</summary>
    public static IReadOnlyList<RecordCommand> ToRecordCommands(IReadOnlyList<Any> requests, string recordedBy)
    {
        if (requests.Count is 0 or > MaxRequestsPerCheck)
        {
            throw DomainException.Invalid("requests", $"a check takes 1 to {MaxRequestsPerCheck} requests, not {requests.Count}");
        }

        return [.. requests.Select((packed, i) =>
        {
            try
            {
                return ToRecordCommand(Unpack(packed), recordedBy);
            }
            catch (DomainException refusal)
            {
                throw new CommandRefusedInCheckException(i, refusal);
            }
        })];
    }

    public static RecordCommand ToRecordCommand(IMessage request, string recordedBy)
    {
        var (command, requestId, expected) = request switch
        {
            EstablishDialogueRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RegisterSourceRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            ScheduleRoundRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            HoldRoundRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            NameDelegationMemberRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RecordSessionRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RecordSiteVisitRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            CharacteriseOutcomeRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            ConcludeRoundRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RecordStatementRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            OpenCaseRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RaiseCaseRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            ReportCaseStatusRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RecordCaseResponseRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            MakeCommitmentRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            ReaffirmCommitmentRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RescheduleCommitmentRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            ReportCommitmentProgressRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            FulfilCommitmentRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            DeclareCommitmentBrokenRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            WithdrawCommitmentRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            ReviewCommitmentSourcesRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RateCommitmentRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            ReviewDialogueSourcesRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            CorrectEntryRequest r => (r.ToCommand(), r.RequestId, r.ExpectedRevision),
            RetractEntryRequest r => ((IDomainCommand)r.ToCommand(), r.RequestId, r.ExpectedRevision),
            _ => throw DomainException.Invalid("request", $"{request.Descriptor.FullName} is not a recording request"),
        };
        StreamIds.Require(command);
        return new RecordCommand(command, requestId.OrNewRequestId(), expected.ToStore(), recordedBy);
    }

    private static IMessage Unpack(Any packed) =>
        RequestTypes.TryGetValue(Any.GetTypeName(packed.TypeUrl), out var type)
            ? type.Parser.ParseFrom(packed.Value)
            : throw DomainException.Invalid("type_url", $"'{packed.TypeUrl}' is not a recording request of this service (e.g. type.googleapis.com/eventdialogue.v1.HoldRoundRequest)");

    /// <summary>A request without an id still gets one, for the events' correlation id; its retries are then new requests.</summary>
    private static string OrNewRequestId(this string requestId) => requestId.Length == 0 ? Guid.NewGuid().ToString() : requestId;

    private static StoreExpectedRevision? ToStore(this ApiExpectedRevision? expected) => expected?.KindCase switch
    {
        null => null,
        ApiExpectedRevision.KindOneofCase.Exact when expected.Exact < 0 =>
            throw DomainException.Invalid("expected_revision", $"an exact expected revision is 0 or more; {expected.Exact} is negative"),
        ApiExpectedRevision.KindOneofCase.Exact => StoreExpectedRevision.Exact(expected.Exact),
        ApiExpectedRevision.KindOneofCase.NoStream => StoreExpectedRevision.NoStream,
        ApiExpectedRevision.KindOneofCase.StreamExists => StoreExpectedRevision.StreamExists,
        ApiExpectedRevision.KindOneofCase.Any => StoreExpectedRevision.Any,
        _ => throw DomainException.Invalid("expected_revision", "set one of exact, no_stream, stream_exists or any, or leave expected_revision out"),
    };
}
