using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Access;

/// <summary>
/// Recording a case's facts in confidence (#12): they go to the case's companion stream, decisions still see them, and
/// amendments of them go beside them; an entry's confidentiality is never changed by a correction.
/// </summary>
[Collection(AccessGroup.Name)]
public sealed class ConfidentialRecordingTests(AccessServer server)
{
    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public async Task Given_a_case_raised_only_in_confidence_when_a_response_is_recorded_then_it_is_accepted_into_the_cases_own_stream_with_no_gap()
    {
        var (_, key) = await server.CreateClearedKeyAsync("conf-rec", ["confidential"], "recorder");
        var recording = new RecordingService.RecordingServiceClient(server.Channel(key));
        var (companion, _) = await ConfidentialRaising.RecordAsync(recording);
        Assert.EndsWith("~confidential", companion, StringComparison.Ordinal);
        var caseStream = companion[..^"~confidential".Length];
        var source = Valid.Id("conf-rec-src");
        await recording.RegisterSourceAsync(Valid.Source(source), Call());

        var response = (await recording.RecordCaseResponseAsync(Valid.CaseResponse(caseStream["case-".Length..], source), Call())).Result;

        Assert.Equal((caseStream, 1L), (response.Stream, response.Revision));
    }

    [Fact]
    public async Task Given_a_case_raised_in_confidence_when_the_raising_is_corrected_to_be_public_then_it_is_refused_naming_in_confidence_and_a_retraction_goes_to_the_companion()
    {
        var (_, key) = await server.CreateClearedKeyAsync("conf-rec", ["confidential"], "recorder");
        var recording = new RecordingService.RecordingServiceClient(server.Channel(key));
        var (companion, _) = await ConfidentialRaising.RecordAsync(recording);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await recording.CorrectEntryAsync(Valid.CorrectCaseRaised(companion, 0, Valid.Id("conf-rec-round"), Valid.Id("conf-rec-src")), Call()));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("in_confidence", refused.Status.Detail, StringComparison.Ordinal);

        var retracted = (await recording.RetractEntryAsync(Valid.Retract(companion, 0), Call())).Result;
        Assert.Equal((companion, 1L), (retracted.Stream, retracted.Revision));
    }
}
