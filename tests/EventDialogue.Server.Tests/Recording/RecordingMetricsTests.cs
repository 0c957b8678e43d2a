using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// Each recorded command is counted and timed on the meter README names, tagged by command and outcome. Read with a
/// meter listener inside the test process, from this server's meters alone (other servers run in the same process).
/// </summary>
public sealed partial class RecordingMetricsTests(InProcessSqliteRecordingServer server) : IClassFixture<InProcessSqliteRecordingServer>, IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, string Command, string Outcome)> _measured = new();
    private MeterListener? _listener;

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public async Task A_command_recorded_then_retried_and_one_refused_are_counted_and_timed_by_command_and_outcome()
    {
        Listen();
        var source = Valid.Source(Valid.Id("measured-source"));

        await server.Client.RegisterSourceAsync(source, Call());
        await server.Client.RegisterSourceAsync(source, Call());
        await Assert.ThrowsAsync<RpcException>(async () => await server.Client.RaiseCaseAsync(Valid.RaiseCase(Valid.Id("never-opened"), Valid.Id("round"), source.SourceId), Call()));

        (string, string)[] expected = [("RegisterSource", "recorded"), ("RegisterSource", "replayed"), ("RaiseCase", "refused:NotFound")];
        Assert.Equal(expected, Measured("eventdialogue.recording.commands"));
        Assert.Equal(expected, Measured("eventdialogue.recording.duration"));
    }

    public void Dispose() => _listener?.Dispose();

    private void Listen()
    {
        var meters = server.InProcessHost.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "EventDialogue.Recording" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? command = null;
        string? outcome = null;
        foreach (var (key, value) in tags)
        {
            command = key == "command" ? value as string : command;
            outcome = key == "outcome" ? value as string : outcome;
        }

        _measured.Enqueue((instrument.Name, command ?? "(none)", outcome ?? "(none)"));
    }

    private (string, string)[] Measured(string instrument) =>
        [.. _measured.Where(m => m.Instrument == instrument).Select(m => (m.Command, m.Outcome))];
}
