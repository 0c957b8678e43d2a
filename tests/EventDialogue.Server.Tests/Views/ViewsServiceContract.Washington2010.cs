using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

/// <summary>
/// The 2010 Washington round (13–14 May 2010) as a recording desk records it from Michael H. Posner's briefing of
/// 14 May, the AP story of 13 May and CNN's of April 2011 (../shared/sources/001, 003, 004), with the next round (Beijing, April 2011)
/// scheduled. Every id carries a suffix of the test's own, so that tests sharing the server do not see each other.
/// </summary>
public abstract partial class ViewsServiceContract
{
    protected const string Posner = "Michael H. Posner";
    protected const string PosnerTitle = "Assistant Secretary, Bureau of Democracy, Human Rights, and Labor";

    protected const string BenchmarkWords = "as far as I’m concerned, the first benchmark is that we get the legal dialogue underway, we do it in the next few months.";
    protected const string RuleOfLawTrackWords = "On the one hand, we are advancing discussions, for example, on rule of law issues where there is, I think, a real possibility of dialogue, shared experience, and mutual interest in having both these expert dialogues and other areas where we work together.";
    protected const string SupremeCourtWords = "We met this morning with Justice Sandra Day O’Connor, who hosted us at the Supreme Court to discuss rule of law and the role of lawyers in society.";
    protected const string CandidWords = "The discussions we had were candid and constructive, including a range of areas where we disagree.";
    protected const string JudicialSovereigntyWords = "matters of judicial sovereignty, and we believe that any country should handle such cases in accordance with domestic laws.";

    /// <summary>Records the round and everything about it; the ids, and the position of the last write.</summary>
    protected async Task<Washington2010> GivenWashington2010Async()
    {
        var s = Guid.NewGuid().ToString("N")[..10];
        var ids = new Washington2010(
            DialogueId: $"us-china-human-rights-{s}",
            RoundId: $"2010-washington-{s}",
            NextRoundId: $"2011-beijing-{s}",
            BriefingId: $"state-posner-briefing-2010-05-14-{s}",
            ApStoryId: $"ap-us-china-begin-talks-2010-05-13-{s}",
            CnnStoryId: $"cnn-serious-backsliding-2011-04-{s}",
            LiuXiaobo: $"liu-xiaobo-{s}",
            GaoZhisheng: $"gao-zhisheng-{s}",
            LegalExperts: $"legal-experts-dialogue-{s}",
            NextRoundInChina: $"next-round-in-china-2011-{s}",
            Benchmark: $"posner-first-benchmark-{s}",
            RuleOfLawTrack: $"posner-rule-of-law-track-{s}",
            SupremeCourt: $"posner-supreme-court-visit-{s}",
            Candid: $"posner-candid-and-constructive-{s}",
            JudicialSovereignty: $"wang-baodong-judicial-sovereignty-{s}",
            LastPosition: 0);
        long last = 0;
        void Note(WriteResult result) => last = Math.Max(last, result.Position);
        Citation Briefing(string quote, string locator = "opening remarks") => Cite(ids.BriefingId, quote, locator);
        Citation Ap(string quote) => Cite(ids.ApStoryId, quote);

        Note((await Recording.RegisterSourceAsync(new RegisterSourceRequest
        {
            RequestId = RequestId(),
            SourceId = ids.BriefingId,
            Title = "Briefing by Michael H. Posner on the U.S. – China Human Rights Dialogue",
            Kind = "transcript",
            Publisher = "U.S. Department of State",
            Published = "2010-05-14",
            Address = "001_2aa69b759fea1df3.txt",
            Reliability = "A",
        }, Call())).Result);
        Note((await Recording.RegisterSourceAsync(new RegisterSourceRequest
        {
            RequestId = RequestId(),
            SourceId = ids.ApStoryId,
            Title = "US, China Begin Human Rights Talks",
            Kind = "wire-story",
            Publisher = "Associated Press",
            Published = "2010-05-13",
            Address = "003_bf9efbcdf73a81f8.txt",
            Reliability = "B",
        }, Call())).Result);
        Note((await Recording.RegisterSourceAsync(new RegisterSourceRequest
        {
            RequestId = RequestId(),
            SourceId = ids.CnnStoryId,
            Title = "U.S. challenges China's 'serious backsliding' on human rights",
            Kind = "article",
            Publisher = "CNN",
            Published = "2011-04",
            Address = "004_9b992ab5523e830b.txt",
            Reliability = "B",
        }, Call())).Result);
        Note((await Recording.EstablishDialogueAsync(new EstablishDialogueRequest
        {
            RequestId = RequestId(),
            DialogueId = ids.DialogueId,
            Name = "U.S.-China Human Rights Dialogue",
            Parties = { "us", "cn" },
            Source = Briefing("This week, we had the U.S.-China Human Rights Dialogue here at the – in Washington."),
        }, Call())).Result);

        // The record's sources reviewed up to July 2012: silence before then means nothing was reported.
        Note((await Recording.ReviewDialogueSourcesAsync(new ReviewDialogueSourcesRequest
        {
            RequestId = RequestId(),
            DialogueId = ids.DialogueId,
            ReviewedUpTo = "2012-07",
            Detail = "Every document of the record read whole.",
            Source = Briefing("We met yesterday and today."),
        }, Call())).Result);

        // The round, its delegations, sessions, visits and tone.
        Note((await Recording.HoldRoundAsync(new HoldRoundRequest
        {
            RequestId = RequestId(),
            RoundId = ids.RoundId,
            DialogueId = ids.DialogueId,
            Dates = "2010-05-13/2010-05-14",
            Place = "Washington, DC",
            Ordinal = "15th",
            Source = Briefing("We met yesterday and today."),
        }, Call())).Result);
        (string Side, string Name, string Title, string Agency, bool Leads)[] members =
        [
            ("us", Posner, PosnerTitle, "Department of State", true),
            ("us", "Steinberg", "Deputy Secretary", "Department of State", false),
            ("cn", "Chen Xu", "Director General, Department of International Organizations", "Ministry of Foreign Affairs", true),
        ];
        foreach (var member in members)
        {
            Note((await Recording.NameDelegationMemberAsync(new NameDelegationMemberRequest
            {
                RequestId = RequestId(),
                RoundId = ids.RoundId,
                Side = member.Side,
                Name = member.Name,
                Title = member.Title,
                Agency = member.Agency,
                Leads = member.Leads,
                Source = Briefing(member.Side == "us" ? "I was joined by Deputy Secretary Steinberg" : "The Chinese delegation was led by Director General Chen Xu"),
            }, Call())).Result);
        }

        Note((await Recording.RecordSessionAsync(new RecordSessionRequest
        {
            RequestId = RequestId(),
            RoundId = ids.RoundId,
            Topics = { "religious freedom", "labor rights", "freedom of expression", "rule of law", "racial discrimination", "multilateral cooperation" },
            Date = "2010-05-13",
            Source = Briefing("We had a variety of discussion on a variety of topics, including religious freedom, labor rights, freedom of expression, rule of law, racial discrimination, and multilateral cooperation."),
        }, Call())).Result);
        Note((await Recording.RecordSessionAsync(new RecordSessionRequest
        {
            RequestId = RequestId(),
            RoundId = ids.RoundId,
            Topics = { "individual cases" },
            Date = "2010-05-13",
            Source = Briefing("We also discussed a number of individual cases."),
        }, Call())).Result);
        Note((await Recording.RecordSiteVisitAsync(new RecordSiteVisitRequest
        {
            RequestId = RequestId(),
            RoundId = ids.RoundId,
            Place = "Supreme Court",
            Host = "Justice Sandra Day O’Connor",
            Topics = { "rule of law", "role of lawyers in society" },
            Date = "2010-05-14",
            Source = Briefing(SupremeCourtWords),
        }, Call())).Result);
        Note((await Recording.RecordSiteVisitAsync(new RecordSiteVisitRequest
        {
            RequestId = RequestId(),
            RoundId = ids.RoundId,
            Place = "Carnegie Endowment for International Peace",
            Host = "Tom Carothers",
            Topics = { "human rights", "rule of law", "food safety" },
            Date = "2010-05-14",
            Source = Briefing("And we met at the Carnegie Endowment for International Peace, where Tom Carothers hosted a delegation there to talk about the nexus between human rights, rule of law, and food safety."),
        }, Call())).Result);
        Note((await Recording.CharacteriseOutcomeAsync(new CharacteriseOutcomeRequest
        {
            RequestId = RequestId(),
            RoundId = ids.RoundId,
            Side = "us",
            Characterisation = "candid and constructive",
            Source = Briefing(CandidWords),
        }, Call())).Result);

        // What was said about it.
        (string Id, string Speaker, string Title, string Side, string Setting, string Said, string Text, string[] Topics, string SourceId, string Stance)[] statements =
        [
            (ids.Benchmark, Posner, PosnerTitle, "us", "briefing", "2010-05-14", BenchmarkWords, ["legal experts dialogue", "benchmarks"], ids.BriefingId, "neutral"),
            (ids.RuleOfLawTrack, Posner, PosnerTitle, "us", "briefing", "2010-05-14", RuleOfLawTrackWords, ["rule of law", "expert dialogues"], ids.BriefingId, "supportive"),
            (ids.SupremeCourt, Posner, PosnerTitle, "us", "briefing", "2010-05-14", SupremeCourtWords, ["rule of law", "site visits"], ids.BriefingId, "neutral"),
            (ids.Candid, Posner, PosnerTitle, "us", "briefing", "2010-05-14", CandidWords, ["tone"], ids.BriefingId, "mixed"),
            (ids.JudicialSovereignty, "Wang Baodong", "Spokesman, Chinese Embassy in Washington", "cn", "statement", "2010-05-13", JudicialSovereigntyWords, ["individual cases", "judicial sovereignty"], ids.ApStoryId, "defensive"),
        ];
        foreach (var said in statements)
        {
            Note((await Recording.RecordStatementAsync(new RecordStatementRequest
            {
                RequestId = RequestId(),
                StatementId = said.Id,
                Speaker = said.Speaker,
                SpeakerTitle = said.Title,
                Side = said.Side,
                Setting = said.Setting,
                Said = said.Said,
                Place = "Washington, DC",
                Text = said.Text,
                Exact = true,
                Topics = { said.Topics },
                Stance = said.Stance,
                RoundId = ids.RoundId,
                Source = Cite(said.SourceId, said.Text),
            }, Call())).Result);
        }

        // The cases raised in it.
        Note((await Recording.OpenCaseAsync(new OpenCaseRequest
        {
            RequestId = RequestId(),
            CaseId = ids.LiuXiaobo,
            Kind = "person",
            Names = { new CaseName { Text = "Liu Xiaobo", Script = "Latn" }, new CaseName { Text = "刘晓波", Script = "Hans" } },
            Description = "author-dissident",
            Source = Briefing("I can mention Liu Xiaobo, whose case I’ve mentioned before.", "answer on cases"),
        }, Call())).Result);
        Note((await Recording.RaiseCaseAsync(new RaiseCaseRequest
        {
            RequestId = RequestId(),
            CaseId = ids.LiuXiaobo,
            RaisedBy = "us",
            Channel = "round",
            RoundId = ids.RoundId,
            Publicly = true,
            Date = "2010-05-13/2010-05-14",
            Source = Briefing("We’re going to – we raised it. We’re going to continue to raise it.", "answer on cases"),
        }, Call())).Result);

        // Reported out of date order: the timeline orders them by their date in the world.
        Note((await Recording.ReportCaseStatusAsync(new ReportCaseStatusRequest
        {
            RequestId = RequestId(),
            CaseId = ids.LiuXiaobo,
            Status = "imprisoned",
            AsOf = "2010-05-13",
            Term = string.Empty,
            Charge = "subversion",
            Detail = "serving an 11-year prison sentence",
            Certainty = "confirmed",
            SourceType = "unofficial",
            Source = Ap("an author-dissident serving an 11-year prison sentence on subversion charges"),
        }, Call())).Result);
        Note((await Recording.ReportCaseStatusAsync(new ReportCaseStatusRequest
        {
            RequestId = RequestId(),
            CaseId = ids.LiuXiaobo,
            Status = "sentenced",
            AsOf = "2009-12-25",
            Term = "11 years",
            Charge = "subversion",
            Certainty = "confirmed",
            SourceType = "unofficial",
            Source = Ap("an author-dissident serving an 11-year prison sentence on subversion charges"),
        }, Call())).Result);
        Note((await Recording.RecordCaseResponseAsync(new RecordCaseResponseRequest
        {
            RequestId = RequestId(),
            CaseId = ids.LiuXiaobo,
            From = "cn",
            Response = "denial",
            Date = "2010-05-13",
            Detail = "matters of judicial sovereignty",
            Source = Ap(JudicialSovereigntyWords),
        }, Call())).Result);
        Note((await Recording.OpenCaseAsync(new OpenCaseRequest
        {
            RequestId = RequestId(),
            CaseId = ids.GaoZhisheng,
            Kind = "person",
            Names = { new CaseName { Text = "Gao Zhisheng", Script = "Latn" }, new CaseName { Text = "高智晟", Script = "Hans" } },
            Description = "the lawyer",
            Source = Briefing("Gao Zhisheng is another, the lawyer, whose case we’ve expressed concern about, we’ll continue to do.", "answer on cases"),
        }, Call())).Result);
        Note((await Recording.RaiseCaseAsync(new RaiseCaseRequest
        {
            RequestId = RequestId(),
            CaseId = ids.GaoZhisheng,
            RaisedBy = "us",
            Channel = "round",
            RoundId = ids.RoundId,
            Publicly = true,
            Date = "2010-05-13/2010-05-14",
            Source = Briefing("Gao Zhisheng is another, the lawyer, whose case we’ve expressed concern about, we’ll continue to do.", "answer on cases"),
        }, Call())).Result);
        Note((await Recording.ReportCaseStatusAsync(new ReportCaseStatusRequest
        {
            RequestId = RequestId(),
            CaseId = ids.GaoZhisheng,
            Status = "disappeared",
            AsOf = "2010-04",
            Detail = "Police took Gao in April 2010, and his family hasn't seen him since.",
            Certainty = "believed",
            SourceType = "unofficial",
            Source = Cite(ids.CnnStoryId, "Police took Gao in April 2010, and his family hasn't seen him since."),
        }, Call())).Result);

        // The promises made in it, and the next round they led to.
        Note((await Recording.MakeCommitmentAsync(new MakeCommitmentRequest
        {
            RequestId = RequestId(),
            CommitmentId = ids.LegalExperts,
            MadeBy = { "us", "cn" },
            Words = "we get the legal dialogue underway, we do it in the next few months",
            Action = "hold the legal experts dialogue",
            MadeOn = "2010-05-14",
            Due = "2010-05-14/2010-09",
            DueRule = "'in the next few months' said on 2010-05-14: from that day to the end of the fourth month after",
            RoundId = ids.RoundId,
            Source = Briefing(BenchmarkWords, "answer on benchmarks"),
        }, Call())).Result);
        Note((await Recording.MakeCommitmentAsync(new MakeCommitmentRequest
        {
            RequestId = RequestId(),
            CommitmentId = ids.NextRoundInChina,
            MadeBy = { "us", "cn" },
            Words = "We also agreed to a next round of this dialogue to be held in China in 2011",
            Action = "hold the next round in China",
            MadeOn = "2010-05-14",
            Due = "2011",
            DueRule = "'in 2011': the calendar year",
            RoundId = ids.RoundId,
            Source = Briefing("We also agreed to a next round of this dialogue to be held in China in 2011"),
        }, Call())).Result);
        Note((await Recording.ConcludeRoundAsync(new ConcludeRoundRequest
        {
            RequestId = RequestId(),
            RoundId = ids.RoundId,
            Date = "2010-05-14",
            Source = Briefing("We met yesterday and today."),
        }, Call())).Result);
        Note((await Recording.ScheduleRoundAsync(new ScheduleRoundRequest
        {
            RequestId = RequestId(),
            RoundId = ids.NextRoundId,
            DialogueId = ids.DialogueId,
            Dates = "2011",
            Place = "China",
            Source = Briefing("We also agreed to a next round of this dialogue to be held in China in 2011"),
        }, Call())).Result);

        return ids with { LastPosition = last };
    }

    /// <summary>The ids the round was recorded under, and the global position of the last write.</summary>
    protected sealed record Washington2010(
        string DialogueId,
        string RoundId,
        string NextRoundId,
        string BriefingId,
        string ApStoryId,
        string CnnStoryId,
        string LiuXiaobo,
        string GaoZhisheng,
        string LegalExperts,
        string NextRoundInChina,
        string Benchmark,
        string RuleOfLawTrack,
        string SupremeCourt,
        string Candid,
        string JudicialSovereignty,
        long LastPosition);
}
