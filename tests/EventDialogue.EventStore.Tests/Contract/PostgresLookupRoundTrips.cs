using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// A request's lookup (whether its request id was recorded, which of its streams exist) is one round trip on PostgreSQL,
/// not one per read. Counted from the commands Npgsql traces (see <see cref="NpgsqlCommands"/>).
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresLookupRoundTrips(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly string _schema = PostgresCluster.NewSchemaName();
    private PostgresEventStore _store = null!;

    public async Task InitializeAsync() => _store = await PostgresEventStore.OpenAsync(cluster.ConnectionString, _schema);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_lookup_of_ids_and_streams_is_one_command()
    {
        var (ids, streams) = await RecordedAsync();
        await _store.LookUpAsync(ids, streams);

        var commands = await NpgsqlCommands.RunByAsync(() => _store.LookUpAsync(ids, streams));

        Assert.Single(commands);
    }

    [Fact]
    public async Task The_count_sees_the_same_reads_made_apart_as_two_commands()
    {
        var (ids, streams) = await RecordedAsync();
        await _store.LookUpAsync(ids, streams);

        var commands = await NpgsqlCommands.RunByAsync(async () =>
        {
            await _store.ReadEventsAsync(ids);
            await _store.GetStreamRevisionsAsync(streams);
        });

        Assert.Equal(2, commands.Count);
    }

    private async Task<(Guid[] Ids, StreamName[] Streams)> RecordedAsync()
    {
        var recorded = Events.One();
        await _store.AppendToStreamAsync(StreamName.Parse("statement-posner-briefing"), ExpectedRevision.NoStream, [recorded]);
        return ([recorded.EventId, Guid.NewGuid()], [StreamName.Parse("statement-posner-briefing"), StreamName.Parse("round-2010-washington")]);
    }
}
