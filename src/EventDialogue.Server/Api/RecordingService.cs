using EventDialogue.Api.V1;
using EventDialogue.Domain.Common;
using EventDialogue.Server.Api.Cases;
using EventDialogue.Server.Api.Commitments;
using EventDialogue.Server.Api.Common;
using EventDialogue.Server.Api.Corrections;
using EventDialogue.Server.Api.Dialogues;
using EventDialogue.Server.Api.Rounds;
using EventDialogue.Server.Api.Sources;
using EventDialogue.Server.Api.Statements;
using EventDialogue.Server.Recording;
using Grpc.Core;
using Mediator;
using ApiExpectedRevision = EventDialogue.Api.V1.ExpectedRevision;
using Rpc = EventDialogue.Api.V1.RecordingService;

namespace EventDialogue.Server.Api;

/// <summary>
/// The recording RPCs: each maps its request to a domain command, records it through the mediator and returns where
/// the events went. Validation and errors are the domain's and the error interceptor's, not this class's.
/// </summary>
public sealed class RecordingService(ISender sender, CallerIdentity caller) : Rpc.RecordingServiceBase
{
    public override Task<EstablishDialogueResponse> EstablishDialogue(EstablishDialogueRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new EstablishDialogueResponse { Result = r });

    public override Task<RegisterSourceResponse> RegisterSource(RegisterSourceRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RegisterSourceResponse { Result = r });

    public override Task<ScheduleRoundResponse> ScheduleRound(ScheduleRoundRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new ScheduleRoundResponse { Result = r });

    public override Task<HoldRoundResponse> HoldRound(HoldRoundRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new HoldRoundResponse { Result = r });

    public override Task<NameDelegationMemberResponse> NameDelegationMember(NameDelegationMemberRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new NameDelegationMemberResponse { Result = r });

    public override Task<RecordSessionResponse> RecordSession(RecordSessionRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RecordSessionResponse { Result = r });

    public override Task<RecordSiteVisitResponse> RecordSiteVisit(RecordSiteVisitRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RecordSiteVisitResponse { Result = r });

    public override Task<CharacteriseOutcomeResponse> CharacteriseOutcome(CharacteriseOutcomeRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new CharacteriseOutcomeResponse { Result = r });

    public override Task<ConcludeRoundResponse> ConcludeRound(ConcludeRoundRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new ConcludeRoundResponse { Result = r });

    public override Task<RecordStatementResponse> RecordStatement(RecordStatementRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RecordStatementResponse { Result = r });

    public override Task<OpenCaseResponse> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new OpenCaseResponse { Result = r });

    public override Task<RaiseCaseResponse> RaiseCase(RaiseCaseRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RaiseCaseResponse { Result = r });

    public override Task<ReportCaseStatusResponse> ReportCaseStatus(ReportCaseStatusRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new ReportCaseStatusResponse { Result = r });

    public override Task<RecordCaseResponseResponse> RecordCaseResponse(RecordCaseResponseRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RecordCaseResponseResponse { Result = r });

    public override Task<MakeCommitmentResponse> MakeCommitment(MakeCommitmentRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new MakeCommitmentResponse { Result = r });

    public override Task<ReaffirmCommitmentResponse> ReaffirmCommitment(ReaffirmCommitmentRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new ReaffirmCommitmentResponse { Result = r });

    public override Task<RescheduleCommitmentResponse> RescheduleCommitment(RescheduleCommitmentRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RescheduleCommitmentResponse { Result = r });

    public override Task<ReportCommitmentProgressResponse> ReportCommitmentProgress(ReportCommitmentProgressRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new ReportCommitmentProgressResponse { Result = r });

    public override Task<FulfilCommitmentResponse> FulfilCommitment(FulfilCommitmentRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new FulfilCommitmentResponse { Result = r });

    public override Task<DeclareCommitmentBrokenResponse> DeclareCommitmentBroken(DeclareCommitmentBrokenRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new DeclareCommitmentBrokenResponse { Result = r });

    public override Task<WithdrawCommitmentResponse> WithdrawCommitment(WithdrawCommitmentRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new WithdrawCommitmentResponse { Result = r });

    public override Task<CorrectEntryResponse> CorrectEntry(CorrectEntryRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new CorrectEntryResponse { Result = r });

    public override Task<RetractEntryResponse> RetractEntry(RetractEntryRequest request, ServerCallContext context) =>
        Record(request.ToCommand(), request.RequestId, request.ExpectedRevision, context, r => new RetractEntryResponse { Result = r });

    private async Task<TResponse> Record<TResponse>(
        IDomainCommand command,
        string requestId,
        ApiExpectedRevision? expectedRevision,
        ServerCallContext context,
        Func<WriteResult, TResponse> respond)
    {
        var record = new RecordCommand(command, requestId.OrNewRequestId(), expectedRevision.ToStore(), caller.Name);
        var recorded = await sender.Send(record, context.CancellationToken);
        return respond(recorded.ToWriteResult());
    }
}
