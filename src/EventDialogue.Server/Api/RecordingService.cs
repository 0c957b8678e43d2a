using EventDialogue.Api.V1;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Common;
using EventDialogue.Server.Api.Parsing;
using EventDialogue.Server.Recording;
using EventDialogue.Server.Recording.Batching;
using EventDialogue.Server.Recording.Checking;
using Grpc.Core;
using Mediator;
using Rpc = EventDialogue.Api.V1.RecordingService;

namespace EventDialogue.Server.Api;

/// <summary>
/// The recording RPCs: each maps its request to a domain command, records it through the mediator and returns where
/// the events went. Validation and errors are the domain's and the error interceptor's, not this class's.
/// </summary>
[BindServiceMethod(typeof(RecordingServiceBinding), nameof(RecordingServiceBinding.BindService))]
public sealed class RecordingService(ISender sender) : Rpc.RecordingServiceBase
{
    public override Task<EstablishDialogueResponse> EstablishDialogue(EstablishDialogueRequest request, ServerCallContext context) =>
        Record(request, context, r => new EstablishDialogueResponse { Result = r });

    public override Task<RegisterSourceResponse> RegisterSource(RegisterSourceRequest request, ServerCallContext context) =>
        Record(request, context, r => new RegisterSourceResponse { Result = r });

    public override Task<ScheduleRoundResponse> ScheduleRound(ScheduleRoundRequest request, ServerCallContext context) =>
        Record(request, context, r => new ScheduleRoundResponse { Result = r });

    public override Task<HoldRoundResponse> HoldRound(HoldRoundRequest request, ServerCallContext context) =>
        Record(request, context, r => new HoldRoundResponse { Result = r });

    public override Task<NameDelegationMemberResponse> NameDelegationMember(NameDelegationMemberRequest request, ServerCallContext context) =>
        Record(request, context, r => new NameDelegationMemberResponse { Result = r });

    public override Task<RecordSessionResponse> RecordSession(RecordSessionRequest request, ServerCallContext context) =>
        Record(request, context, r => new RecordSessionResponse { Result = r });

    public override Task<RecordSiteVisitResponse> RecordSiteVisit(RecordSiteVisitRequest request, ServerCallContext context) =>
        Record(request, context, r => new RecordSiteVisitResponse { Result = r });

    public override Task<CharacteriseOutcomeResponse> CharacteriseOutcome(CharacteriseOutcomeRequest request, ServerCallContext context) =>
        Record(request, context, r => new CharacteriseOutcomeResponse { Result = r });

    public override Task<ConcludeRoundResponse> ConcludeRound(ConcludeRoundRequest request, ServerCallContext context) =>
        Record(request, context, r => new ConcludeRoundResponse { Result = r });

    public override Task<RecordStatementResponse> RecordStatement(RecordStatementRequest request, ServerCallContext context) =>
        Record(request, context, r => new RecordStatementResponse { Result = r });

    public override Task<OpenCaseResponse> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        Record(request, context, r => new OpenCaseResponse { Result = r });

    public override Task<RaiseCaseResponse> RaiseCase(RaiseCaseRequest request, ServerCallContext context) =>
        Record(request, context, r => new RaiseCaseResponse { Result = r });

    public override Task<ReportCaseStatusResponse> ReportCaseStatus(ReportCaseStatusRequest request, ServerCallContext context) =>
        Record(request, context, r => new ReportCaseStatusResponse { Result = r });

    public override Task<RecordCaseResponseResponse> RecordCaseResponse(RecordCaseResponseRequest request, ServerCallContext context) =>
        Record(request, context, r => new RecordCaseResponseResponse { Result = r });

    public override Task<MakeCommitmentResponse> MakeCommitment(MakeCommitmentRequest request, ServerCallContext context) =>
        Record(request, context, r => new MakeCommitmentResponse { Result = r });

    public override Task<ReaffirmCommitmentResponse> ReaffirmCommitment(ReaffirmCommitmentRequest request, ServerCallContext context) =>
        Record(request, context, r => new ReaffirmCommitmentResponse { Result = r });

    public override Task<RescheduleCommitmentResponse> RescheduleCommitment(RescheduleCommitmentRequest request, ServerCallContext context) =>
        Record(request, context, r => new RescheduleCommitmentResponse { Result = r });

    public override Task<ReportCommitmentProgressResponse> ReportCommitmentProgress(ReportCommitmentProgressRequest request, ServerCallContext context) =>
        Record(request, context, r => new ReportCommitmentProgressResponse { Result = r });

    public override Task<FulfilCommitmentResponse> FulfilCommitment(FulfilCommitmentRequest request, ServerCallContext context) =>
        Record(request, context, r => new FulfilCommitmentResponse { Result = r });

    public override Task<DeclareCommitmentBrokenResponse> DeclareCommitmentBroken(DeclareCommitmentBrokenRequest request, ServerCallContext context) =>
        Record(request, context, r => new DeclareCommitmentBrokenResponse { Result = r });

    public override Task<WithdrawCommitmentResponse> WithdrawCommitment(WithdrawCommitmentRequest request, ServerCallContext context) =>
        Record(request, context, r => new WithdrawCommitmentResponse { Result = r });

    public override Task<ReviewCommitmentSourcesResponse> ReviewCommitmentSources(ReviewCommitmentSourcesRequest request, ServerCallContext context) =>
        Record(request, context, r => new ReviewCommitmentSourcesResponse { Result = r });

    public override Task<RateCommitmentResponse> RateCommitment(RateCommitmentRequest request, ServerCallContext context) =>
        Record(request, context, r => new RateCommitmentResponse { Result = r });

    public override Task<ReviewDialogueSourcesResponse> ReviewDialogueSources(ReviewDialogueSourcesRequest request, ServerCallContext context) =>
        Record(request, context, r => new ReviewDialogueSourcesResponse { Result = r });

    public override Task<CorrectEntryResponse> CorrectEntry(CorrectEntryRequest request, ServerCallContext context) =>
        Record(request, context, r => new CorrectEntryResponse { Result = r });

    public override Task<RetractEntryResponse> RetractEntry(RetractEntryRequest request, ServerCallContext context) =>
        Record(request, context, r => new RetractEntryResponse { Result = r });

    public override async Task<CheckRequestsResponse> CheckRequests(CheckRequestsRequest request, ServerCallContext context)
    {
        var commands = RecordingRequests.ToRecordCommands(request.Requests, CallerPrincipal.Name(context));
        var result = await sender.Send(new CheckRecordCommands(commands), context.CancellationToken);
        return new CheckRequestsResponse { NewCount = result.NewCount, ReplayedCount = result.ReplayedCount };
    }

    public override async Task<RecordRequestsResponse> RecordRequests(RecordRequestsRequest request, ServerCallContext context)
    {
        var recordedBy = CallerPrincipal.Name(context);
        PackedRequestAccess.Require(request.Requests, context.GetHttpContext().User);
        var outcomes = await sender.Send(new RecordCommandBatch(RecordingBatches.ToItems(request.Requests, recordedBy), request.AllOrNothing), context.CancellationToken);
        return new RecordRequestsResponse { Outcomes = { outcomes.Select(RecordingBatches.ToOutcome) } };
    }

    private async Task<TResponse> Record<TResponse>(Google.Protobuf.IMessage request, ServerCallContext context, Func<WriteResult, TResponse> respond)
    {
        var recorded = await sender.Send(RecordingRequests.ToRecordCommand(request, CallerPrincipal.Name(context)), context.CancellationToken);
        return respond(recorded.ToWriteResult());
    }
}
