using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// The 2010 Washington round (13–14 May 2010) recorded as a recording desk would, from Michael H. Posner's briefing,
/// then read back from the store. It uses the real ids: each backend's server has a store of its own, and no other
/// test uses them.
/// </summary>
public abstract partial class RecordingServiceContract
{
    private const string HumanRightsDialogue = "us-china-human-rights";
    private const string Washington2010 = "2010-washington";
    private const string BriefingSource = "state-posner-briefing-2010-05-14";
    private const string LiuXiaobo = "liu-xiaobo";
    private const string LegalExperts = "legal-experts-dialogue-in-the-next-few-months";
    private const string Benchmark = "posner-2010-05-14-first-benchmark";
    private const string PosnerTitle = "Assistant Secretary, Bureau of Democracy, Human Rights, and Labor";

    [Fact]
    public async Task The_2010_Washington_round_recorded_from_the_briefing_reads_back_in_order_with_who_recorded_it_and_for_which_request()
    {
        var briefing = Briefing2010.Load();
        var written = new List<(string Stream, string RequestId, WriteResult Result)>();
        Citation Cite(string words, string locator = "opening remarks") => Valid.Cite(BriefingSource, briefing.Quote(words), locator);
        void Track(string requestId, WriteResult result) => written.Add((result.Stream, requestId, result));

        // The source, then the dialogue.
        var source = new RegisterSourceRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.NoStream(),
            SourceId = BriefingSource,
            Title = briefing.Title,
            Kind = "transcript",
            Publisher = "U.S. Department of State",
            Published = "2010-05-14",
            Address = briefing.FileName,
            Reliability = "A",
        };
        Track(source.RequestId, (await Client.RegisterSourceAsync(source, Call())).Result);
        var dialogue = new EstablishDialogueRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.NoStream(),
            DialogueId = HumanRightsDialogue,
            Name = "U.S.-China Human Rights Dialogue",
            Parties = { "us", "cn" },
            Source = Cite("This week, we had the U.S.-China Human Rights Dialogue here at the – in Washington."),
        };
        Track(dialogue.RequestId, (await Client.EstablishDialogueAsync(dialogue, Call())).Result);

        // The round, each write pinned to the revision the desk last saw.
        var round = new HoldRoundRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.NoStream(),
            RoundId = Washington2010,
            DialogueId = HumanRightsDialogue,
            Dates = "2010-05-13/2010-05-14",
            Place = "Washington, DC",
            Source = Cite("Let me just give you a few background details about the dialogue. We met yesterday and today."),
        };
        var roundRevision = Record(round.RequestId, (await Client.HoldRoundAsync(round, Call())).Result);

        (string Side, string Name, string Title, string Agency, bool Leads, string Quote)[] delegation =
        [
            ("us", "Michael H. Posner", PosnerTitle, "Department of State", true, "We met yesterday and today. I was joined by Deputy Secretary Steinberg"),
            ("us", "Steinberg", "Deputy Secretary", "Department of State", false, "I was joined by Deputy Secretary Steinberg"),
            ("us", "Jeff Bader", "", "National Security Council", false, "by Jeff Bader from the National Security Council"),
            ("us", "Kurt Campbell", "Assistant Secretary for East Asia and Pacific Affairs", "Department of State", false, "Kurt Campbell, Assistant Secretary for East Asia and Pacific Affairs"),
            ("cn", "Chen Xu", "Director General, Department of International Organizations", "Ministry of Foreign Affairs", true, "The Chinese delegation was led by Director General Chen Xu, who is the director general of the Ministry of Foreign Affairs Department of International Organizations."),
        ];
        foreach (var member in delegation)
        {
            var request = new NameDelegationMemberRequest
            {
                RequestId = Valid.RequestId(),
                ExpectedRevision = Valid.Exact(roundRevision),
                RoundId = Washington2010,
                Side = member.Side,
                Name = member.Name,
                Title = member.Title,
                Agency = member.Agency,
                Leads = member.Leads,
                Source = Cite(member.Quote),
            };
            roundRevision = Record(request.RequestId, (await Client.NameDelegationMemberAsync(request, Call())).Result);
        }

        (string[] Topics, string Quote)[] sessions =
        [
            (["religious freedom", "labor rights", "freedom of expression", "rule of law", "racial discrimination", "multilateral cooperation"],
                "We had a variety of discussion on a variety of topics, including religious freedom, labor rights, freedom of expression, rule of law, racial discrimination, and multilateral cooperation."),
            (["individual cases"], "We also discussed a number of individual cases."),
        ];
        foreach (var session in sessions)
        {
            var request = new RecordSessionRequest
            {
                RequestId = Valid.RequestId(),
                ExpectedRevision = Valid.Exact(roundRevision),
                RoundId = Washington2010,
                Topics = { session.Topics },
                Date = "2010-05-13",
                Source = Cite(session.Quote),
            };
            roundRevision = Record(request.RequestId, (await Client.RecordSessionAsync(request, Call())).Result);
        }

        // The transcript spells the Cardinal's name "McCarrisk"; the record keeps the source's words.
        (string Place, string Host, string[] Topics, string Quote)[] visits =
        [
            ("Supreme Court", "Justice Sandra Day O’Connor", ["rule of law", "role of lawyers in society"],
                "We met this morning with Justice Sandra Day O’Connor, who hosted us at the Supreme Court to discuss rule of law and the role of lawyers in society."),
            ("Catholic Charities Anchor Mental Health Center", "Cardinal McCarrisk", ["religion and government", "social services"],
                "We met with Cardinal McCarrisk at Catholic Charities Anchor Mental Health Center to talk about the relationship between the religious community and government in human services, social services, humanitarian issues."),
            ("Federal Mediation and Conciliation Service", "", ["labor rights", "collective bargaining"],
                "We also met with officials of the Federal Mediation and Conciliation Service to discuss labor rights, collective bargaining."),
            ("Carnegie Endowment for International Peace", "Tom Carothers", ["human rights", "rule of law", "food safety"],
                "And we met at the Carnegie Endowment for International Peace, where Tom Carothers hosted a delegation there to talk about the nexus between human rights, rule of law, and food safety."),
        ];
        foreach (var visit in visits)
        {
            var request = new RecordSiteVisitRequest
            {
                RequestId = Valid.RequestId(),
                ExpectedRevision = Valid.Exact(roundRevision),
                RoundId = Washington2010,
                Place = visit.Place,
                Host = visit.Host,
                Topics = { visit.Topics },
                Date = "2010-05-14",
                Source = Cite(visit.Quote),
            };
            roundRevision = Record(request.RequestId, (await Client.RecordSiteVisitAsync(request, Call())).Result);
        }

        var outcome = new CharacteriseOutcomeRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.Exact(roundRevision),
            RoundId = Washington2010,
            Side = "us",
            Characterisation = "candid and constructive",
            Source = Cite("The discussions we had were candid and constructive, including a range of areas where we disagree."),
        };
        roundRevision = Record(outcome.RequestId, (await Client.CharacteriseOutcomeAsync(outcome, Call())).Result);

        // What was said, the case raised, the promise made.
        const string benchmarkWords = "as far as I’m concerned, the first benchmark is that we get the legal dialogue underway, we do it in the next few months.";
        var statement = new RecordStatementRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.NoStream(),
            StatementId = Benchmark,
            Speaker = "Michael H. Posner",
            SpeakerTitle = PosnerTitle,
            Side = "us",
            Setting = "briefing",
            Said = "2010-05-14",
            Place = "Washington, DC",
            Text = briefing.Quote(benchmarkWords),
            Exact = true,
            Topics = { "legal experts dialogue", "benchmarks" },
            RoundId = Washington2010,
            Source = Cite(benchmarkWords, "answer on benchmarks"),
        };
        Track(statement.RequestId, (await Client.RecordStatementAsync(statement, Call())).Result);

        var openCase = new OpenCaseRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.NoStream(),
            CaseId = LiuXiaobo,
            Kind = "person",
            Names = { new CaseName { Text = "Liu Xiaobo", Script = "Latn" }, new CaseName { Text = "刘晓波", Script = "Hans" } },
            Source = Cite("I can mention Liu Xiaobo, whose case I’ve mentioned before.", "answer on cases"),
        };
        var caseRevision = Record(openCase.RequestId, (await Client.OpenCaseAsync(openCase, Call())).Result);
        var raise = new RaiseCaseRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.Exact(caseRevision),
            CaseId = LiuXiaobo,
            RaisedBy = "us",
            Channel = "round",
            RoundId = Washington2010,
            Publicly = true,
            Date = "2010-05-13/2010-05-14",
            Source = Cite("We’re going to – we raised it. We’re going to continue to raise it.", "answer on cases"),
        };
        Track(raise.RequestId, (await Client.RaiseCaseAsync(raise, Call())).Result);

        var commitment = new MakeCommitmentRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.NoStream(),
            CommitmentId = LegalExperts,
            MadeBy = { "us", "cn" },
            Words = briefing.Quote("we get the legal dialogue underway, we do it in the next few months"),
            Action = "hold the legal experts dialogue",
            MadeOn = "2010-05-14",
            Due = "2010-05-14/2010-09",
            DueRule = "'in the next few months' said on 2010-05-14: from that day to the end of the fourth month after",
            RoundId = Washington2010,
            Source = Cite(benchmarkWords, "answer on benchmarks"),
        };
        Track(commitment.RequestId, (await Client.MakeCommitmentAsync(commitment, Call())).Result);

        var conclude = new ConcludeRoundRequest
        {
            RequestId = Valid.RequestId(),
            ExpectedRevision = Valid.Exact(roundRevision),
            RoundId = Washington2010,
            Date = "2010-05-14",
            Source = Cite("Yesterday, we were here."),
        };
        roundRevision = Record(conclude.RequestId, (await Client.ConcludeRoundAsync(conclude, Call())).Result);

        // Read back.
        Assert.Equal(13, roundRevision);
        Assert.All(written, w => Assert.Equal(1, w.Result.EventCount));
        var positions = written.Select(w => w.Result.Position).ToList();
        Assert.True(positions.SequenceEqual(positions.Order()) && positions.Distinct().Count() == positions.Count, $"Positions not increasing: {string.Join(", ", positions)}");

        var expectedTypes = new Dictionary<string, string[]>
        {
            [$"source-{BriefingSource}"] = ["SourceRegistered"],
            [$"dialogue-{HumanRightsDialogue}"] = ["DialogueEstablished"],
            [$"round-{Washington2010}"] =
            [
                "RoundHeld",
                "DelegationMemberNamed", "DelegationMemberNamed", "DelegationMemberNamed", "DelegationMemberNamed", "DelegationMemberNamed",
                "SessionHeld", "SessionHeld",
                "SiteVisited", "SiteVisited", "SiteVisited", "SiteVisited",
                "OutcomeCharacterised",
                "RoundConcluded",
            ],
            [$"statement-{Benchmark}"] = ["StatementRecorded"],
            [$"case-{LiuXiaobo}"] = ["CaseOpened", "CaseRaised"],
            [$"commitment-{LegalExperts}"] = ["CommitmentMade"],
        };
        Assert.Equal(expectedTypes.Keys.Order(), written.Select(w => w.Stream).Distinct().Order());
        var stored = new Dictionary<string, IReadOnlyList<RecordedEvent>>();
        foreach (var (stream, types) in expectedTypes)
        {
            var events = await ReadStreamAsync(stream);
            stored[stream] = events;
            Assert.Equal(types, events.Select(e => e.Type));
            var writes = written.Where(w => w.Stream == stream).ToList();
            Assert.Equal(writes.Select(w => w.RequestId), events.Select(e => e.Metadata.CorrelationId));
            Assert.Equal(writes.Select(w => w.Result.Revision), events.Select(e => e.Revision));
            Assert.Equal(writes.Select(w => w.Result.Position), events.Select(e => e.Position.Value));
            Assert.All(events, e => Assert.False(string.IsNullOrWhiteSpace(e.Metadata.RecordedBy)));
            Assert.All(events, e => Assert.Equal(RecordingServer.RecordedBy, e.Metadata.RecordedBy));
        }

        var roundEvents = stored[$"round-{Washington2010}"];
        using (var held = JsonDocument.Parse(roundEvents[0].Data))
        {
            Assert.Equal("2010-05-13/2010-05-14", held.RootElement.GetProperty("dates").GetString());
            Assert.Equal(HumanRightsDialogue, held.RootElement.GetProperty("dialogue_id").GetString());
        }

        var leaders = roundEvents.Where(e => e.Type == "DelegationMemberNamed").Select(DataOf)
            .Where(d => d.GetProperty("leads").GetBoolean())
            .Select(d => (d.GetProperty("side").GetString(), d.GetProperty("name").GetString()));
        Assert.Equal([("us", "Michael H. Posner"), ("cn", "Chen Xu")], leaders);
        var hosts = roundEvents.Where(e => e.Type == "SiteVisited").Select(e => DataOf(e).GetProperty("host").GetString());
        Assert.Equal(["Justice Sandra Day O’Connor", "Cardinal McCarrisk", null, "Tom Carothers"], hosts);

        using (var said = JsonDocument.Parse(stored[$"statement-{Benchmark}"][0].Data))
        {
            Assert.Equal(benchmarkWords, said.RootElement.GetProperty("text").GetString());
            Assert.True(said.RootElement.GetProperty("exact").GetBoolean());
            Assert.Equal(benchmarkWords, said.RootElement.GetProperty("source").GetProperty("quote").GetString());
        }

        using (var made = JsonDocument.Parse(stored[$"commitment-{LegalExperts}"][0].Data))
        {
            Assert.Equal("2010-05-14/2010-09", made.RootElement.GetProperty("due").GetString());
            Assert.Equal("2010-05-14", made.RootElement.GetProperty("made_on").GetString());
            Assert.Equal(Washington2010, made.RootElement.GetProperty("round_id").GetString());
        }

        long Record(string requestId, WriteResult result)
        {
            Track(requestId, result);
            return result.Revision;
        }
    }
}
