using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// A request's lookup (whether its request id was recorded, which of its streams exist) is one round trip on PostgreSQL,
/// not one per read. Counted from the commands Npgsql traces (see <see cref="NpgsqlCommands"/>).
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresLookupRoundTrips(PostgresCluster cluster) : OwnSchemaStore(cluster)
{
    [Fact]
    public async Task A_lookup_of_ids_and_streams_is_one_command()
    {
        var (ids, streams) = await RecordedAsync();
        await Store.LookUpAsync(ids, streams);

        var commands = await NpgsqlCommands.RunByAsync(() => Store.LookUpAsync(ids, streams));

        Assert.Single(commands);
    }

    [Fact]
    public async Task The_count_sees_the_same_reads_made_apart_as_two_commands()
    {
        var (ids, streams) = await RecordedAsync();
        await Store.LookUpAsync(ids, streams);

        var commands = await NpgsqlCommands.RunByAsync(async () =>
        {
            await Store.ReadEventsAsync(ids);
            await Store.GetStreamRevisionsAsync(streams);
        });

        Assert.Equal(2, commands.Count);
    }

    private async Task<(Guid[] Ids, StreamName[] Streams)> RecordedAsync()
    {
        var recorded = Events.One();
        await Store.AppendToStreamAsync(StreamName.Parse("statement-posner-briefing"), ExpectedRevision.NoStream, [recorded]);
        return ([recorded.EventId, Guid.NewGuid()], [StreamName.Parse("statement-posner-briefing"), StreamName.Parse("round-2010-washington")]);
    }
}
