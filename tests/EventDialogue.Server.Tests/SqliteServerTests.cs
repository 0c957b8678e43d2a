using Grpc.Health.V1;
using Grpc.Reflection.V1;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests;

[Collection(SqliteServerGroup.Name)]
public sealed class SqliteServerTests(SqliteServerFixture fixture)
{
    [Fact]
    public async Task Given_a_server_started_with_defaults_when_health_is_checked_then_it_is_serving()
    {
        using var channel = fixture.Server.CreateChannel();

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + Timeouts.Call);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public void Given_a_server_started_with_defaults_then_it_created_data_eventdialogue_sqlite_under_its_working_directory()
    {
        Assert.True(File.Exists(fixture.ExpectedSqlitePath), $"No file at {fixture.ExpectedSqlitePath}. Output:\n{fixture.Server.Output}");
    }

    [Fact]
    public async Task Given_a_server_started_with_defaults_when_reflection_lists_services_then_the_health_service_is_among_them()
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: DateTime.UtcNow + Timeouts.Call);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "Reflection answered nothing.");
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Given_a_server_started_with_defaults_then_its_startup_log_names_the_sqlite_file()
    {
        await fixture.Server.Output.WaitForAsync(text => text.Contains($"SQLite file {fixture.ExpectedSqlitePath}", StringComparison.Ordinal), Timeouts.Call);
    }

    [Fact]
    public void Given_a_server_started_with_defaults_then_the_process_is_still_running()
    {
        Assert.False(fixture.Server.HasExited, $"The server has exited. Output:\n{fixture.Server.Output}");
    }
}
