using Grpc.Reflection.V1;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>What a client discovers and what the store keeps besides the event itself.</summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task Server_reflection_lists_the_recording_service_so_clients_need_no_proto_files()
    {
        using var channel = Server.Host.CreateChannel();
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(Call());

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "eventdialogue.v1.RecordingService" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "Reflection answered nothing.");
        var file = call.ResponseStream.Current;
        Assert.True(file.FileDescriptorResponse is not null, $"No descriptor for the service: {file.ErrorResponse?.ErrorMessage}");
        Assert.NotEmpty(file.FileDescriptorResponse.FileDescriptorProto);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "Reflection listed nothing.");
        Assert.Contains("eventdialogue.v1.RecordingService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task An_event_is_stamped_with_the_server_clock_at_the_time_of_the_call()
    {
        var sourceId = Valid.Id("source");
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);

        var response = await Client.RegisterSourceAsync(Valid.Source(sourceId), Call());

        var after = DateTimeOffset.UtcNow.AddMilliseconds(1);
        var recorded = Assert.Single(await ReadStreamAsync(response.Result.Stream));
        Assert.InRange(recorded.RecordedAt, before, after);
    }
}
