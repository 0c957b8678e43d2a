using System.Diagnostics;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    private const int AcknowledgementsBeforeKill = 300;

    /// <summary>The arguments that make the crash writer append to this test's storage.</summary>
    protected abstract IEnumerable<string> CrashWriterArguments();

    [Fact]
    public async Task Given_a_writer_killed_mid_append_when_the_store_reopens_then_every_acknowledged_event_is_there_and_appends_go_on()
    {
        using var bound = Bound(120);
        var writer = Path.Combine(AppContext.BaseDirectory, "EventDialogue.EventStore.CrashWriter.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [writer, .. CrashWriterArguments()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync(bound.Token);
        var acknowledged = new List<Guid>();
        try
        {
            while (acknowledged.Count < AcknowledgementsBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(bound.Token)
                    ?? throw new InvalidOperationException($"the crash writer stopped before it was killed: {await errors}");
                acknowledged.AddRange(line.Split(' ').Skip(2).Select(Guid.Parse));
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(bound.Token);
        }

        await RestartAsync();
        var stored = await ReadAll();

        Assert.Subset(stored.Select(e => e.EventId).ToHashSet(), acknowledged.ToHashSet());
        foreach (var stream in stored.GroupBy(e => e.Stream))
        {
            Assert.Equal(Enumerable.Range(0, stream.Count()).Select(r => (long)r), stream.Select(e => e.Revision));
        }

        // nothing the killed writer held (a file lock, an append lock) keeps others from appending
        var next = await Store.AppendToStreamAsync(Stream("crash-0"), ExpectedRevision.Any, Events.Some(1), bound.Token);
        Assert.True(next.Position > stored[^1].Position);
    }
}
