using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Access;

/// <summary>
/// A case raised in confidence among public raisings, read through the case-files view by an analyst cleared for
/// confidential entries and by one who is not (#12). The uncleared answer is compared with that of a case where the
/// confidential raising was never recorded, the same public entries recorded in both.
/// </summary>
[Collection(AccessGroup.Name)]
public sealed class ConfidentialCaseFileTests(AccessServer server)
{
    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public async Task Given_a_case_raised_in_confidence_when_analysts_read_its_file_then_only_the_cleared_one_sees_the_confidential_raising()
    {
        var (_, recorderKey) = await server.CreateKeyAsync("conf-desk", "recorder");
        var (_, unclearedKey) = await server.CreateKeyAsync("conf-reader", "analyst");
        var (_, clearedKey) = await server.CreateClearedKeyAsync("conf-cleared", ["confidential"], "analyst");
        var recording = new RecordingService.RecordingServiceClient(server.Channel(recorderKey));
        var sourceId = Valid.Id("conf-source");
        await recording.RegisterSourceAsync(Valid.Source(sourceId), Call());
        var withSecret = Valid.Id("conf-case");
        var without = Valid.Id("conf-twin");
        var last = 0L;
        foreach (var caseId in new[] { withSecret, without })
        {
            await recording.OpenCaseAsync(Valid.OpenCase(caseId, sourceId), Call());
            last = (await recording.RaiseCaseAsync(Public(caseId, sourceId), Call())).Result.Position;
            if (caseId == withSecret)
            {
                last = (await recording.RaiseCaseAsync(InConfidence(caseId, sourceId), Call())).Result.Position;
            }
        }

        var uncleared = new ViewsService.ViewsServiceClient(server.Channel(unclearedKey));
        var cleared = new ViewsService.ViewsServiceClient(server.Channel(clearedKey));
        var seenUncleared = await uncleared.GetCaseFileAsync(new GetCaseFileRequest { CaseId = withSecret, MinPosition = last }, Call());
        var twin = await uncleared.GetCaseFileAsync(new GetCaseFileRequest { CaseId = without, MinPosition = last }, Call());
        var seenCleared = await cleared.GetCaseFileAsync(new GetCaseFileRequest { CaseId = withSecret, MinPosition = last }, Call());

        Assert.Equal(Normalised(twin.CaseFile.ToString(), without), Normalised(seenUncleared.CaseFile.ToString(), withSecret));
        Assert.Equal(2, seenCleared.CaseFile.Raised.Count);
        Assert.Contains(seenCleared.CaseFile.Raised, r => !r.Publicly && r.RaisedBy == "cn");

        // Lists, filters and search: the confidential raising's side is no trace for the uncleared.
        var byChina = new ListCaseFilesRequest { RaisedBy = "cn", MinPosition = last };
        Assert.DoesNotContain((await uncleared.ListCaseFilesAsync(byChina, Call())).CaseFiles, c => c.CaseId == withSecret);
        Assert.Contains((await cleared.ListCaseFilesAsync(byChina, Call())).CaseFiles, c => c.CaseId == withSecret);
        var all = new ListCaseFilesRequest { PageSize = 1000, MinPosition = last };
        Assert.Single((await uncleared.ListCaseFilesAsync(all, Call())).CaseFiles, c => c.CaseId == withSecret);
        Assert.Single((await cleared.ListCaseFilesAsync(all, Call())).CaseFiles, c => c.CaseId == withSecret);
    }

    [Fact]
    public async Task Given_an_uncleared_analyst_when_it_asks_for_the_cleared_variant_of_a_case_file_by_its_stored_id_then_it_is_NOT_FOUND()
    {
        var (_, unclearedKey) = await server.CreateKeyAsync("conf-prober", "analyst");
        var uncleared = new ViewsService.ViewsServiceClient(server.Channel(unclearedKey));

        var refused = await Assert.ThrowsAsync<RpcException>(() => uncleared.GetCaseFileAsync(new GetCaseFileRequest { CaseId = "x~cleared" }, Call()).ResponseAsync);

        Assert.Contains(refused.StatusCode, new[] { StatusCode.NotFound, StatusCode.InvalidArgument });
    }

    [Fact]
    public async Task Given_a_clearance_that_does_not_exist_when_a_key_is_created_with_it_then_it_is_INVALID_ARGUMENT_naming_cleared()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => server.CreateClearedKeyAsync("conf-bad", ["secret"], "analyst"));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("cleared", refused.Status.Detail, StringComparison.Ordinal);
    }

    private static RaiseCaseRequest Public(string caseId, string sourceId)
    {
        var request = Valid.RaiseCase(caseId, string.Empty, sourceId);
        request.Channel = "letter";
        request.RequestId = Valid.RequestId();
        return request;
    }

    private static RaiseCaseRequest InConfidence(string caseId, string sourceId)
    {
        var request = Public(caseId, sourceId);
        request.Publicly = false;
        request.InConfidence = true;
        request.RaisedBy = "cn";
        request.Date = "2010-06";
        return request;
    }

    private static string Normalised(string json, string caseId) => json.Replace(caseId, "CASE", StringComparison.Ordinal);
}
