using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Views;

/// <summary>
/// The views service end to end: commands recorded through the recording service over a real socket against the real
/// server process, then read back through the views service, the same tests on each backend (one subclass per
/// backend, one server per collection). Every test uses ids of its own, and reads at the position its last write
/// returned, so it never sleeps or polls.
/// </summary>
public abstract partial class ViewsServiceContract(ViewsServer server)
{
    protected ViewsServer Server { get; } = server;

    protected RecordingService.RecordingServiceClient Recording => Server.Recording;

    protected ViewsService.ViewsServiceClient Views => Server.Views;

    /// <summary>A deadline on every call, so that a hung server fails the test instead of the run.</summary>
    protected static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    /// <summary>A slug no other test uses: the tests share one server and one store.</summary>
    protected static string Unique(string what) => $"{what}-{Guid.NewGuid():N}"[..Math.Min(what.Length + 13, 120)];

    protected static string RequestId() => $"req-{Guid.NewGuid():N}";

    protected static Citation Cite(string sourceId, string quote = "", string locator = "") =>
        new() { SourceId = sourceId, Quote = quote, Locator = locator };

    /// <summary>Every page of a list, following next_page_token, with the pages' sizes.</summary>
    protected static async Task<(List<T> Items, List<int> PageSizes)> AllPagesAsync<T>(Func<string, Task<(IReadOnlyList<T> Items, string Next)>> page)
    {
        var items = new List<T>();
        var sizes = new List<int>();
        var token = string.Empty;
        do
        {
            var (pageItems, next) = await page(token);
            items.AddRange(pageItems);
            sizes.Add(pageItems.Count);
            Assert.True(sizes.Count <= 100, "The list never ended: more than 100 pages.");
            token = next;
        }
        while (token.Length > 0);

        return (items, sizes);
    }

    // ---- Then: how the server refused ----

    /// <summary>The call fails with this code and a google.rpc.Status in the grpc-status-details-bin trailer.</summary>
    protected static Task<Google.Rpc.Status> RefusedAsync(StatusCode code, Func<Task> call) => GrpcRefusals.RefusedAsync(code, call);

    /// <summary>INVALID_ARGUMENT whose BadRequest names the field, with a reason.</summary>
    protected static Task<BadRequest.Types.FieldViolation> InvalidAsync(string field, Func<Task> call) => GrpcRefusals.InvalidAsync(field, call);

    /// <summary>NOT_FOUND whose message and ResourceInfo name what is missing.</summary>
    protected static async Task NotFoundAsync(string missing, Func<Task> call)
    {
        var status = await RefusedAsync(StatusCode.NotFound, call);
        var resource = status.GetDetail<ResourceInfo>();
        Assert.True(resource is not null, $"NOT_FOUND '{status.Message}' has no ResourceInfo detail.");
        Assert.Contains(missing, status.Message, StringComparison.Ordinal);
        Assert.Contains(missing, resource.Description + resource.ResourceName, StringComparison.Ordinal);
    }
}
