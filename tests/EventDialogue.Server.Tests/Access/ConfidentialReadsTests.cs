using EventDialogue.Api.V1;
using EventDialogue.Server.EventStoreDb.Protocol;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Protobuf;
using Grpc.Core;
using EsdbEmpty = EventDialogue.Server.EventStoreDb.Protocol.Empty;
using EsdbOptions = EventDialogue.Server.EventStoreDb.Protocol.ReadReq.Types.Options;

namespace EventDialogue.Server.Tests.Access;

/// <summary>
/// A case raised in confidence (in a round) among public entries, read through every read RPC (#12). Two cases and two
/// rounds are recorded alike, but for the confidential raising of one case in one round: what an uncleared analyst or
/// auditor reads of the first pair is compared with what it reads of the twin pair, where the raising was never
/// recorded; a cleared one sees the raising, in the case's companion stream (<c>case-…~confidential</c>), which to the
/// uncleared does not exist. Reads of the whole log show it as a placeholder (position and leaf hash).
/// </summary>
[Collection(AccessGroup.Name)]
public sealed class ConfidentialReadsTests(AccessServer server)
{
    /// <summary>How each read RPC is covered; the test below holds this list to the services' descriptors.</summary>
    private static readonly Dictionary<string, string> Covered = new(StringComparer.Ordinal)
    {
        ["eventdialogue.v1.ViewsService/GetRound"] = "compared with the twin round",
        ["eventdialogue.v1.ViewsService/ListRounds"] = "compared with the twin round",
        ["eventdialogue.v1.ViewsService/GetCaseFile"] = "compared with the twin case (and ConfidentialCaseFileTests)",
        ["eventdialogue.v1.ViewsService/ListCaseFiles"] = "filtered by the raising side and round",
        ["eventdialogue.v1.ViewsService/GetCommitment"] = "no case stream is read: no trace of the marker",
        ["eventdialogue.v1.ViewsService/ListCommitments"] = "no trace of the marker",
        ["eventdialogue.v1.ViewsService/GetStatement"] = "no case stream is read: no trace of the marker",
        ["eventdialogue.v1.ViewsService/ListStatements"] = "no trace of the marker",
        ["eventdialogue.v1.ViewsService/GetTopic"] = "no case stream is read: no trace of the marker",
        ["eventdialogue.v1.ViewsService/ListTopics"] = "no trace of the marker",
        ["eventdialogue.v1.HistoryService/ReadStream"] = "compared with the twin case",
        ["eventdialogue.v1.HistoryService/ReadAll"] = "filtered: left out; whole log: a placeholder",
        ["eventdialogue.v1.HistoryService/Subscribe"] = "filtered: left out; whole log: a placeholder",
        ["eventdialogue.v1.HistoryService/GetEntryHistory"] = "compared with the twin case",
        ["eventdialogue.v1.HistoryService/GetEntryAsOf"] = "compared with the twin case and round",
        ["eventdialogue.v1.AuditService/GetInclusionProof"] = "a placeholder (ConfidentialVerifyTests)",
        ["eventdialogue.v1.AuditService/GetCheckpoint"] = "sizes and hashes only",
        ["eventdialogue.v1.AuditService/GetConsistencyProof"] = "sizes and hashes only",
        ["eventdialogue.v1.AuditService/CheckLog"] = "admin's consistency check: counts, and a problem only on tampering",
        ["eventdialogue.v1.ViewsService/RebuildView"] = "admin's rebuild of a view: its name and checkpoint only",
        ["event_store.client.streams.Streams/Read"] = "stream and $all reads leave it out",
    };

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public void Every_read_RPC_of_the_API_is_covered_by_these_tests()
    {
        var reads = new[] { ViewsService.Descriptor, HistoryService.Descriptor, AuditService.Descriptor, Streams.Descriptor }
            .SelectMany(service => service.Methods.Select(m => $"{service.FullName}/{m.Name}"))
            .Where(name => name is not "eventdialogue.v1.HistoryService/RestoreHistory" and not "event_store.client.streams.Streams/Append")
            .Order(StringComparer.Ordinal);

        Assert.Equal(reads, Covered.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_a_case_raised_in_confidence_in_a_round_when_each_read_RPC_is_called_then_the_uncleared_see_what_they_would_had_it_never_been_recorded_and_the_cleared_see_it()
    {
        var world = await RecordAsync();
        var (_, analystKey) = await server.CreateKeyAsync("conf-analyst", "analyst");
        var (_, auditorKey) = await server.CreateKeyAsync("conf-auditor", "auditor");
        var (_, clearedKey) = await server.CreateClearedKeyAsync("conf-cleared", ["confidential"], "analyst", "auditor");
        var analyst = new ViewsService.ViewsServiceClient(server.Channel(analystKey));
        var auditor = new HistoryService.HistoryServiceClient(server.Channel(auditorKey));
        var clearedViews = new ViewsService.ViewsServiceClient(server.Channel(clearedKey));
        var clearedHistory = new HistoryService.HistoryServiceClient(server.Channel(clearedKey));

        // Views: the round and the case file as if never raised there; lists filtered by round and side do not find it.
        var round = await analyst.GetRoundAsync(new GetRoundRequest { RoundId = world.Round, MinPosition = world.Head }, Call());
        var twinRound = await analyst.GetRoundAsync(new GetRoundRequest { RoundId = world.TwinRound, MinPosition = world.Head }, Call());
        Assert.Equal(world.Twin(twinRound.Round.ToString()), world.Normalised(round.Round.ToString()));
        Assert.Contains((await clearedViews.GetRoundAsync(new GetRoundRequest { RoundId = world.Round, MinPosition = world.Head }, Call())).Round.CasesRaised, c => c.CaseId == world.Case);
        var caseFile = await analyst.GetCaseFileAsync(new GetCaseFileRequest { CaseId = world.Case, MinPosition = world.Head }, Call());
        var twinFile = await analyst.GetCaseFileAsync(new GetCaseFileRequest { CaseId = world.TwinCase, MinPosition = world.Head }, Call());
        Assert.Equal(world.Twin(twinFile.CaseFile.ToString()), world.Normalised(caseFile.CaseFile.ToString()));
        Assert.Empty((await analyst.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = world.Round, MinPosition = world.Head }, Call())).CaseFiles);
        Assert.Single((await clearedViews.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = world.Round, MinPosition = world.Head }, Call())).CaseFiles);
        var rounds = (await analyst.ListRoundsAsync(new ListRoundsRequest { DialogueId = world.Dialogue, MinPosition = world.Head }, Call())).Rounds;
        Assert.Equal(2, rounds.Count);
        Assert.Equal(world.Twin(rounds.Single(r => r.RoundId == world.TwinRound).ToString()), world.Normalised(rounds.Single(r => r.RoundId == world.Round).ToString()));
        var others = string.Join(
            "\n",
            (await analyst.ListTopicsAsync(new ListTopicsRequest { PageSize = 1000, MinPosition = world.Head }, Call())).ToString(),
            (await analyst.ListStatementsAsync(new ListStatementsRequest { PageSize = 1000, MinPosition = world.Head }, Call())).ToString(),
            (await analyst.ListCommitmentsAsync(new ListCommitmentsRequest { PageSize = 1000, MinPosition = world.Head }, Call())).ToString());
        Assert.DoesNotContain(World.Marker, others, StringComparison.Ordinal);

        // History: the stream, the entry's story and its past state as the twin's; whole-log reads hold a placeholder.
        var stream = await ReadStreamAsync(auditor, world.CaseStream);
        var twinStream = await ReadStreamAsync(auditor, world.TwinCaseStream);
        Assert.Equal(twinStream.Select(e => world.Twin(Content(e))), stream.Select(e => world.Normalised(Content(e))));

        // No gap where it was recorded: the case's own stream holds only its public events, revisions 0..n, the very
        // events (ids, revisions) a cleared reader reads there; the raising is in the companion, seen by the cleared alone.
        Assert.Equal(twinStream.Select(e => e.Revision), stream.Select(e => e.Revision));
        Assert.Equal(Enumerable.Range(0, stream.Count).Select(r => (long)r), stream.Select(e => e.Revision));
        Assert.Equal((await ReadStreamAsync(clearedHistory, world.CaseStream)).Select(e => e.ToString()), stream.Select(e => e.ToString()));
        Assert.Equal([world.Secret], (await ReadStreamAsync(clearedHistory, world.CompanionStream)).Select(e => e.Position));
        var story = await auditor.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = world.CaseStream }, Call());
        var twinStory = await auditor.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = world.TwinCaseStream }, Call());
        Assert.Equal(twinStory.Steps.Select(s => world.Twin(Content(s.Event) + string.Join(",", s.Changes))), story.Steps.Select(s => world.Normalised(Content(s.Event) + string.Join(",", s.Changes))));
        Assert.Equal(twinStory.Steps.Select(s => s.Event.Revision), story.Steps.Select(s => s.Event.Revision));
        Assert.Contains((await clearedHistory.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = world.CompanionStream }, Call())).Steps, s => s.Event.Position == world.Secret);
        var asOf = await auditor.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = world.CaseStream, AtPosition = world.Head }, Call());
        var twinAsOf = await auditor.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = world.TwinCaseStream, AtPosition = world.Head }, Call());
        Assert.Equal(world.Twin(twinAsOf.CaseFile.ToString()), world.Normalised(asOf.CaseFile.ToString()));
        Assert.NotEqual(world.Secret, asOf.Position);
        var roundAsOf = await auditor.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = $"round-{world.Round}", AtPosition = world.Head }, Call());
        Assert.NotEqual(world.Secret, roundAsOf.Position);
        Assert.DoesNotContain(World.Marker, roundAsOf.ToString(), StringComparison.Ordinal);

        var filtered = await ReadAllAsync(auditor, new ReadAllRequest { AfterPosition = world.First - 1, Filter = new HistoryFilter { Streams = { world.CaseStream } } });
        Assert.Equal(stream.Select(e => e.Position), filtered.Select(e => e.Position));
        var byType = await ReadAllAsync(auditor, new ReadAllRequest { AfterPosition = world.First - 1, Filter = new HistoryFilter { EventTypes = { "CaseRaised" } }, MaxCount = 1 });
        Assert.NotEqual(world.Secret, Assert.Single(byType).Position);
        var whole = await ReadAllAsync(auditor, new ReadAllRequest { AfterPosition = world.First - 1, MaxCount = world.Head - world.First + 1 });
        AssertPlaceholderAtSecret(world, whole);
        var clearedWhole = await ReadAllAsync(clearedHistory, new ReadAllRequest { AfterPosition = world.First - 1, MaxCount = world.Head - world.First + 1 });
        Assert.Contains(World.Marker, clearedWhole.Single(e => e.Position == world.Secret).Data, StringComparison.Ordinal);

        AssertPlaceholderAtSecret(world, await SubscribeAsync(auditor, new SubscribeRequest { AfterPosition = world.First - 1 }, world.Head));
        var followed = await SubscribeAsync(auditor, new SubscribeRequest { AfterPosition = world.First - 1, Filter = new HistoryFilter { Streams = { world.CaseStream } } }, world.Head);
        Assert.Equal(stream.Select(e => e.Position), followed.Select(e => e.Position));

        // EventStoreDB's read API: neither a stream read nor a read of $all shows it.
        var esdb = new Streams.StreamsClient(server.Channel(auditorKey));
        var esdbCleared = new Streams.StreamsClient(server.Channel(clearedKey));
        Assert.Equal(stream.Select(e => (ulong)e.Position), await EsdbPositionsAsync(esdb, world.CaseStream));
        Assert.Equal(await EsdbPositionsAsync(esdbCleared, world.CaseStream), await EsdbPositionsAsync(esdb, world.CaseStream));
        Assert.Contains((ulong)world.Secret, await EsdbPositionsAsync(esdbCleared, world.CompanionStream));
        var all = await EsdbPositionsAsync(esdb, null);
        Assert.DoesNotContain((ulong)world.Secret, all);
        Assert.Contains((ulong)world.Head, all);
        Assert.Contains((ulong)world.Secret, await EsdbPositionsAsync(esdbCleared, null));

        // Asked for as many events as they may see, the uncleared get them all: a hidden event is not counted.
        Assert.Equal(stream.Select(e => (ulong)e.Position), await EsdbPositionsAsync(esdb, world.CaseStream, count: stream.Count));
        var visibleToHead = all.Where(p => p <= (ulong)world.Head).ToList();
        Assert.Equal(visibleToHead, await EsdbPositionsAsync(esdb, null, count: visibleToHead.Count));

        // A catch-up subscription to the stream gives the uncleared what their read does, up to catching up.
        Assert.Equal(stream.Select(e => (ulong)e.Position), await EsdbSubscribedPositionsAsync(esdb, world.CaseStream));
        Assert.Contains((ulong)world.Secret, await EsdbSubscribedPositionsAsync(esdbCleared, world.CompanionStream));
    }

    [Fact]
    public async Task Given_a_round_read_by_a_cleared_caller_when_an_uncleared_one_reads_it_at_the_same_position_then_it_is_not_given_the_cleared_answer()
    {
        var world = await RecordAsync();
        var (_, analystKey) = await server.CreateKeyAsync("conf-kept-analyst", "analyst");
        var (_, clearedKey) = await server.CreateClearedKeyAsync("conf-kept-cleared", ["confidential"], "analyst");
        var analyst = new ViewsService.ViewsServiceClient(server.Channel(analystKey));
        var clearedViews = new ViewsService.ViewsServiceClient(server.Channel(clearedKey));

        // the cleared caller reads first (twice: an answer the server may keep for the round is in place)
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains((await clearedViews.GetRoundAsync(new GetRoundRequest { RoundId = world.Round, MinPosition = world.Head }, Call())).Round.CasesRaised, c => c.CaseId == world.Case);
        }

        var round = await analyst.GetRoundAsync(new GetRoundRequest { RoundId = world.Round, MinPosition = world.Head }, Call());
        var twinRound = await analyst.GetRoundAsync(new GetRoundRequest { RoundId = world.TwinRound, MinPosition = world.Head }, Call());
        Assert.DoesNotContain(round.Round.CasesRaised, c => c.CaseId == world.Case);
        Assert.Equal(world.Twin(twinRound.Round.ToString()), world.Normalised(round.Round.ToString()));
        Assert.Contains((await clearedViews.GetRoundAsync(new GetRoundRequest { RoundId = world.Round, MinPosition = world.Head }, Call())).Round.CasesRaised, c => c.CaseId == world.Case);
    }

    [Fact]
    public async Task Given_a_case_file_read_by_a_cleared_caller_when_an_uncleared_one_reads_it_at_the_same_position_then_it_is_not_given_the_cleared_answer()
    {
        var world = await RecordAsync();
        var (_, analystKey) = await server.CreateKeyAsync("conf-kept-file-analyst", "analyst");
        var (_, clearedKey) = await server.CreateClearedKeyAsync("conf-kept-file-cleared", ["confidential"], "analyst");
        var analyst = new ViewsService.ViewsServiceClient(server.Channel(analystKey));
        var clearedViews = new ViewsService.ViewsServiceClient(server.Channel(clearedKey));

        // the cleared caller reads first (twice: an answer the server may keep for the case file is in place)
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains((await clearedViews.GetCaseFileAsync(new GetCaseFileRequest { CaseId = world.Case, MinPosition = world.Head }, Call())).CaseFile.Raised, r => r.RoundId == world.Round);
        }

        var caseFile = await analyst.GetCaseFileAsync(new GetCaseFileRequest { CaseId = world.Case, MinPosition = world.Head }, Call());
        var twinFile = await analyst.GetCaseFileAsync(new GetCaseFileRequest { CaseId = world.TwinCase, MinPosition = world.Head }, Call());
        Assert.DoesNotContain(caseFile.CaseFile.Raised, r => r.RoundId == world.Round);
        Assert.Equal(world.Twin(twinFile.CaseFile.ToString()), world.Normalised(caseFile.CaseFile.ToString()));
        Assert.Contains((await clearedViews.GetCaseFileAsync(new GetCaseFileRequest { CaseId = world.Case, MinPosition = world.Head }, Call())).CaseFile.Raised, r => r.RoundId == world.Round);
    }

    [Fact]
    public async Task Given_a_case_raised_in_confidence_when_the_uncleared_read_its_companion_stream_then_it_is_not_found_exactly_as_a_stream_never_written()
    {
        var world = await RecordAsync();
        var (_, auditorKey) = await server.CreateKeyAsync("conf-companion-auditor", "auditor");
        var (_, clearedKey) = await server.CreateClearedKeyAsync("conf-companion-cleared", ["confidential"], "auditor");
        var auditor = new HistoryService.HistoryServiceClient(server.Channel(auditorKey));
        var cleared = new HistoryService.HistoryServiceClient(server.Channel(clearedKey));

        // Never written: a companion of a case that was never recorded, read by the cleared, so that the store answers.
        var never = $"case-{Valid.Id("conf-never")}~confidential";

        async Task<string> Refusal(Func<string, Task> read, string stream)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => read(stream));
            return $"{refused.StatusCode}: {refused.Status.Detail.Replace(stream, "STREAM", StringComparison.Ordinal)}";
        }

        foreach (var read in new Func<HistoryService.HistoryServiceClient, Func<string, Task>>[]
        {
            client => stream => ReadStreamAsync(client, stream),
            client => async stream => await client.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = stream }, Call()),
        })
        {
            var hidden = await Refusal(read(auditor), world.CompanionStream);
            Assert.StartsWith(nameof(StatusCode.NotFound), hidden, StringComparison.Ordinal);
            Assert.Equal(await Refusal(read(cleared), never), hidden);
        }

        // As of a past point a companion answers for its case, so it is compared with a case that has none.
        var asOf = await Refusal(async stream => await auditor.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = stream, AtPosition = world.Head }, Call()), world.CompanionStream);
        Assert.Equal(asOf, await Refusal(async stream => await auditor.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = stream, AtPosition = world.Head }, Call()), $"{world.TwinCaseStream}~confidential"));
        Assert.StartsWith(nameof(StatusCode.NotFound), asOf, StringComparison.Ordinal);
        var clearedAsOf = await cleared.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = world.CaseStream, AtPosition = world.Head }, Call());
        Assert.Contains(clearedAsOf.CaseFile.Raised, r => !r.Publicly && r.RoundId == world.Round);

        var esdb = new Streams.StreamsClient(server.Channel(auditorKey));
        var esdbCleared = new Streams.StreamsClient(server.Channel(clearedKey));
        Assert.Equal(ReadResp.ContentOneofCase.StreamNotFound, await EsdbFirstAnswerAsync(esdb, world.CompanionStream));
        Assert.Equal(ReadResp.ContentOneofCase.StreamNotFound, await EsdbFirstAnswerAsync(esdbCleared, never));
        Assert.Equal(ReadResp.ContentOneofCase.Event, await EsdbFirstAnswerAsync(esdbCleared, world.CompanionStream));
    }

    /// <summary>What a forwards EventStoreDB read of the stream answers first: an event, or that the stream was not found.</summary>
    private static async Task<ReadResp.ContentOneofCase> EsdbFirstAnswerAsync(Streams.StreamsClient client, string stream)
    {
        var options = new EsdbOptions
        {
            ReadDirection = EsdbOptions.Types.ReadDirection.Forwards,
            Count = 10,
            NoFilter = new EsdbEmpty(),
            UuidOption = new EsdbOptions.Types.UUIDOption { String = new EsdbEmpty() },
            Stream = new EsdbOptions.Types.StreamOptions { StreamIdentifier = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8(stream) }, Start = new EsdbEmpty() },
        };
        using var call = client.Read(new ReadReq { Options = options }, Call());
        return (await call.ResponseStream.ReadAllAsync().FirstAsync()).ContentCase;
    }

    /// <summary>The commit positions a catch-up subscription to the stream gives before it says it has caught up.</summary>
    private static async Task<List<ulong>> EsdbSubscribedPositionsAsync(Streams.StreamsClient client, string stream)
    {
        var options = new EsdbOptions
        {
            ReadDirection = EsdbOptions.Types.ReadDirection.Forwards,
            Subscription = new EsdbOptions.Types.SubscriptionOptions(),
            NoFilter = new EsdbEmpty(),
            UuidOption = new EsdbOptions.Types.UUIDOption { String = new EsdbEmpty() },
            Stream = new EsdbOptions.Types.StreamOptions { StreamIdentifier = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8(stream) }, Start = new EsdbEmpty() },
        };
        using var stop = new CancellationTokenSource(Timeouts.Call);
        using var call = client.Read(new ReadReq { Options = options }, cancellationToken: stop.Token);
        var positions = new List<ulong>();
        await foreach (var response in call.ResponseStream.ReadAllAsync(stop.Token))
        {
            if (response.ContentCase == ReadResp.ContentOneofCase.CaughtUp)
            {
                break;
            }

            if (response.ContentCase == ReadResp.ContentOneofCase.Event)
            {
                positions.Add(response.Event.Event.CommitPosition);
            }
        }

        return positions;
    }

    private static void AssertPlaceholderAtSecret(World world, IReadOnlyList<HistoryEvent> events)
    {
        var placeholder = Assert.Single(events, e => e.Position == world.Secret);
        Assert.True(placeholder.Redacted);
        Assert.Equal(32, placeholder.LeafHash.Length);
        Assert.Equal(new HistoryEvent { Position = world.Secret, LeafHash = placeholder.LeafHash, Redacted = true }, placeholder);
        Assert.All(events.Where(e => e.Position != world.Secret), e => Assert.False(e.Redacted));
        Assert.DoesNotContain(World.Marker, string.Join("\n", events.Select(e => e.ToString())), StringComparison.Ordinal);
    }

    /// <summary>What an event says, without what differs between any two events (ids, positions, times, revisions).</summary>
    private static string Content(HistoryEvent e) => $"{e.Type}|{e.RecordedBy}|{e.Data}|{e.Source}|{e.Amends}";

    private static async Task<List<HistoryEvent>> ReadStreamAsync(HistoryService.HistoryServiceClient client, string stream)
    {
        using var call = client.ReadStream(new ReadStreamRequest { Stream = stream }, Call());
        return await call.ResponseStream.ReadAllAsync().Select(r => r.Event).ToListAsync();
    }

    private static async Task<List<HistoryEvent>> ReadAllAsync(HistoryService.HistoryServiceClient client, ReadAllRequest request)
    {
        using var call = client.ReadAll(request, Call());
        return await call.ResponseStream.ReadAllAsync().Select(r => r.Event).ToListAsync();
    }

    /// <summary>The events a subscription sends up to the head, ended once it has caught up or passed it.</summary>
    private static async Task<List<HistoryEvent>> SubscribeAsync(HistoryService.HistoryServiceClient client, SubscribeRequest request, long head)
    {
        using var stop = new CancellationTokenSource(Timeouts.Call);
        using var call = client.Subscribe(request, cancellationToken: stop.Token);
        var events = new List<HistoryEvent>();
        await foreach (var message in call.ResponseStream.ReadAllAsync(stop.Token))
        {
            if (message.Event is { } e && e.Position <= head)
            {
                events.Add(e);
            }

            if (message.CaughtUp is not null || message.Checkpoint?.Position >= head || message.Event?.Position >= head)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>The commit positions of a forwards EventStoreDB read of the stream, or of $all when none is given.</summary>
    private static async Task<List<ulong>> EsdbPositionsAsync(Streams.StreamsClient client, string? stream, int count = 100_000)
    {
        var options = new EsdbOptions
        {
            ReadDirection = EsdbOptions.Types.ReadDirection.Forwards,
            Count = (ulong)count,
            NoFilter = new EsdbEmpty(),
            UuidOption = new EsdbOptions.Types.UUIDOption { String = new EsdbEmpty() },
        };
        if (stream is null)
        {
            options.All = new EsdbOptions.Types.AllOptions { Start = new EsdbEmpty() };
        }
        else
        {
            options.Stream = new EsdbOptions.Types.StreamOptions { StreamIdentifier = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8(stream) }, Start = new EsdbEmpty() };
        }

        using var call = client.Read(new ReadReq { Options = options }, Call());
        return await call.ResponseStream.ReadAllAsync()
            .Where(r => r.ContentCase == ReadResp.ContentOneofCase.Event)
            .Select(r => r.Event.Event.CommitPosition)
            .ToListAsync();
    }

    /// <summary>Two rounds of one dialogue and two cases, each raised publicly by letter; one case is also raised in confidence in the first round.</summary>
    private async Task<World> RecordAsync()
    {
        var (_, recorderKey) = await server.CreateKeyAsync("conf-desk", "recorder");
        var recording = new RecordingService.RecordingServiceClient(server.Channel(recorderKey));
        var source = Valid.Id("conf-src");
        var dialogue = Valid.Id("conf-dialogue");
        var world = new World(dialogue, Valid.Id("conf-round"), Valid.Id("conf-twinround"), Valid.Id("conf-case"), Valid.Id("conf-twincase"));
        var first = (await recording.RegisterSourceAsync(Valid.Source(source), Call())).Result.Position;
        await recording.EstablishDialogueAsync(Valid.Dialogue(dialogue, source), Call());
        await recording.ScheduleRoundAsync(Valid.ScheduleRound(world.Round, dialogue, source), Call());
        await recording.ScheduleRoundAsync(Valid.ScheduleRound(world.TwinRound, dialogue, source), Call());
        long secret = 0;
        long head = 0;
        foreach (var caseId in new[] { world.Case, world.TwinCase })
        {
            await recording.OpenCaseAsync(Valid.OpenCase(caseId, source), Call());
            var letter = Valid.RaiseCase(caseId, string.Empty, source);
            letter.Channel = "letter";
            letter.RequestId = Valid.RequestId();
            await recording.RaiseCaseAsync(letter, Call());
            if (caseId == world.Case)
            {
                var inConfidence = Valid.RaiseCase(caseId, world.Round, source);
                inConfidence.RequestId = Valid.RequestId();
                inConfidence.Channel = "round";
                inConfidence.Publicly = false;
                inConfidence.InConfidence = true;
                inConfidence.Source = Valid.Cite(source, quote: World.Marker);
                secret = (await recording.RaiseCaseAsync(inConfidence, Call())).Result.Position;
            }

            head = (await recording.ReportCaseStatusAsync(Valid.CaseStatus(caseId, source), Call())).Result.Position;
        }

        return world with { First = first, Secret = secret, Head = head };
    }

    private sealed record World(string Dialogue, string Round, string TwinRound, string Case, string TwinCase)
    {
        /// <summary>Words only the confidential raising's citation holds.</summary>
        public const string Marker = "said only in confidence";

        public long First { get; init; }

        public long Secret { get; init; }

        public long Head { get; init; }

        public string CaseStream => $"case-{Case}";

        public string TwinCaseStream => $"case-{TwinCase}";

        public string CompanionStream => $"case-{Case}~confidential";

        public string Normalised(string text) => text.Replace(Case, "CASE", StringComparison.Ordinal).Replace(Round, "ROUND", StringComparison.Ordinal);

        public string Twin(string text) => text.Replace(TwinCase, "CASE", StringComparison.Ordinal).Replace(TwinRound, "ROUND", StringComparison.Ordinal);
    }
}
