using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.Server.Tests.Hosting;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// The recording service end to end: a gRPC client over a real socket against the real server process, the same
/// tests on each backend (one subclass per backend, one server per collection). Every test uses ids of its own, and
/// checks what reached the store by reading the server's store back while it runs.
/// </summary>
public abstract partial class RecordingServiceContract(RecordingServer server)
{
    protected RecordingServer Server { get; } = server;

    protected RecordingService.RecordingServiceClient Client => Server.Client;

    /// <summary>A deadline on every call, so that a hung server fails the test instead of the run.</summary>
    protected static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    // ---- Given: what a command needs to exist first ----

    protected async Task<string> GivenSourceAsync()
    {
        var sourceId = Valid.Id("source");
        await Client.RegisterSourceAsync(Valid.Source(sourceId), Call());
        return sourceId;
    }

    protected async Task<(string DialogueId, string SourceId)> GivenDialogueAsync()
    {
        var sourceId = await GivenSourceAsync();
        var dialogueId = Valid.Id("dialogue");
        await Client.EstablishDialogueAsync(Valid.Dialogue(dialogueId, sourceId), Call());
        return (dialogueId, sourceId);
    }

    protected async Task<(string RoundId, string SourceId)> GivenHeldRoundAsync()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        await Client.HoldRoundAsync(Valid.HoldRound(roundId, dialogueId, sourceId), Call());
        return (roundId, sourceId);
    }

    protected async Task<(string CaseId, string RoundId, string SourceId)> GivenOpenCaseAsync()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var caseId = Valid.Id("case");
        await Client.OpenCaseAsync(Valid.OpenCase(caseId, sourceId), Call());
        return (caseId, roundId, sourceId);
    }

    protected async Task<(string CaseId, string RoundId, string SourceId)> GivenRaisedCaseAsync()
    {
        var (caseId, roundId, sourceId) = await GivenOpenCaseAsync();
        await Client.RaiseCaseAsync(Valid.RaiseCase(caseId, roundId, sourceId), Call());
        return (caseId, roundId, sourceId);
    }

    protected async Task<(string CommitmentId, string SourceId)> GivenCommitmentAsync()
    {
        var sourceId = await GivenSourceAsync();
        var commitmentId = Valid.Id("commitment");
        await Client.MakeCommitmentAsync(Valid.Commitment(commitmentId, sourceId), Call());
        return (commitmentId, sourceId);
    }

    // ---- Then: what the store holds ----

    /// <summary>The stream as the server's store holds it now; empty when it does not exist.</summary>
    protected async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string stream)
    {
        var events = new List<RecordedEvent>();
        try
        {
            await foreach (var recorded in Server.Store.ReadStreamAsync(StreamName.Parse(stream), Direction.Forwards, StreamRevision.Start))
            {
                events.Add(recorded);
            }
        }
        catch (StreamNotFoundException)
        {
            // nothing recorded in it
        }

        return events;
    }

    /// <summary>
    /// The response says one event of the given type was written at the end of the stream, and the store agrees: its
    /// revision, its global position, its type, who recorded it and for which request.
    /// </summary>
    protected async Task<RecordedEvent> AssertRecordedAsync(WriteResult result, string stream, long revision, string eventType, string requestId)
    {
        Assert.Equal(stream, result.Stream);
        Assert.Equal(revision, result.Revision);
        Assert.Equal(1, result.EventCount);
        var events = await ReadStreamAsync(stream);
        Assert.Equal(revision + 1, events.Count);
        var last = events[^1];
        Assert.Equal(eventType, last.Type);
        Assert.Equal(revision, last.Revision);
        Assert.Equal(result.Position, last.Position.Value);
        Assert.Equal(RecordingServer.RecordedBy, last.Metadata.RecordedBy);
        Assert.Equal(requestId, last.Metadata.CorrelationId);
        return last;
    }

    /// <summary>An event's stored JSON data.</summary>
    protected static System.Text.Json.JsonElement DataOf(RecordedEvent recorded)
    {
        using var document = System.Text.Json.JsonDocument.Parse(recorded.Data);
        return document.RootElement.Clone();
    }

    /// <summary>The stream holds exactly these event types, in this order: a refused command appended nothing.</summary>
    protected async Task AssertStreamHoldsAsync(string stream, params string[] eventTypes) =>
        Assert.Equal(eventTypes, (await ReadStreamAsync(stream)).Select(e => e.Type));

    // ---- Then: how the server refused ----

    /// <summary>The call fails with this code and a google.rpc.Status in the grpc-status-details-bin trailer.</summary>
    protected static Task<Google.Rpc.Status> RefusedAsync(StatusCode code, Func<Task> call) => GrpcRefusals.RefusedAsync(code, call);

    /// <summary>INVALID_ARGUMENT whose BadRequest names the field, with a reason.</summary>
    protected static Task<BadRequest.Types.FieldViolation> InvalidAsync(string field, Func<Task> call) => GrpcRefusals.InvalidAsync(field, call);

    /// <summary>FAILED_PRECONDITION whose PreconditionFailure names the subject.</summary>
    protected static async Task<PreconditionFailure.Types.Violation> FailedPreconditionAsync(string subject, Func<Task> call)
    {
        var status = await RefusedAsync(StatusCode.FailedPrecondition, call);
        var failure = status.GetDetail<PreconditionFailure>();
        Assert.True(failure is not null, $"FAILED_PRECONDITION '{status.Message}' has no PreconditionFailure detail.");
        var violation = Assert.Single(failure.Violations);
        Assert.Equal(subject, violation.Subject);
        Assert.False(string.IsNullOrWhiteSpace(violation.Description));
        return violation;
    }

    /// <summary>NOT_FOUND with a ResourceInfo whose description names what is missing.</summary>
    protected static async Task<ResourceInfo> NotFoundAsync(string missing, Func<Task> call)
    {
        var status = await RefusedAsync(StatusCode.NotFound, call);
        var resource = status.GetDetail<ResourceInfo>();
        Assert.True(resource is not null, $"NOT_FOUND '{status.Message}' has no ResourceInfo detail.");
        Assert.Contains(missing, status.Message, StringComparison.Ordinal);
        Assert.Contains(missing, resource.Description + resource.ResourceName, StringComparison.Ordinal);
        return resource;
    }

    /// <summary>ALREADY_EXISTS with an ErrorInfo giving the reason.</summary>
    protected static async Task<ErrorInfo> AlreadyExistsAsync(string reason, Func<Task> call)
    {
        var status = await RefusedAsync(StatusCode.AlreadyExists, call);
        var info = status.GetDetail<ErrorInfo>();
        Assert.True(info is not null, $"ALREADY_EXISTS '{status.Message}' has no ErrorInfo detail.");
        Assert.Equal(reason, info.Reason);
        Assert.Equal("eventdialogue", info.Domain);
        return info;
    }
}
