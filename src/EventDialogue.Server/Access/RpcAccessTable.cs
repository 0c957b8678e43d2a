namespace EventDialogue.Server.Access;

/// <summary>
/// The one place that says who may call each RPC, by its full gRPC name (the JSON routes of a method share its
/// entry). The server refuses to start with a mapped RPC missing here, and the role-matrix test proves the table
/// against README's matrix, so a new RPC cannot go out without a policy.
/// </summary>
public static class RpcAccessTable
{
    private static readonly RpcAccess Recorder = RpcAccess.RoleOf(Roles.Recorder);
    private static readonly RpcAccess Analyst = RpcAccess.RoleOf(Roles.Analyst);
    private static readonly RpcAccess Auditor = RpcAccess.RoleOf(Roles.Auditor);
    private static readonly RpcAccess Admin = RpcAccess.RoleOf(Roles.Admin);

    public static IReadOnlyDictionary<string, RpcAccess> ByMethod { get; } = new Dictionary<string, RpcAccess>(StringComparer.Ordinal)
    {
        // Recording: every command, and the dry run that decides them without recording.
        ["/eventdialogue.v1.RecordingService/EstablishDialogue"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RegisterSource"] = Recorder,
        ["/eventdialogue.v1.RecordingService/ScheduleRound"] = Recorder,
        ["/eventdialogue.v1.RecordingService/HoldRound"] = Recorder,
        ["/eventdialogue.v1.RecordingService/NameDelegationMember"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RecordSession"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RecordSiteVisit"] = Recorder,
        ["/eventdialogue.v1.RecordingService/CharacteriseOutcome"] = Recorder,
        ["/eventdialogue.v1.RecordingService/ConcludeRound"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RecordStatement"] = Recorder,
        ["/eventdialogue.v1.RecordingService/OpenCase"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RaiseCase"] = Recorder,
        ["/eventdialogue.v1.RecordingService/ReportCaseStatus"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RecordCaseResponse"] = Recorder,
        ["/eventdialogue.v1.RecordingService/MakeCommitment"] = Recorder,
        ["/eventdialogue.v1.RecordingService/ReaffirmCommitment"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RescheduleCommitment"] = Recorder,
        ["/eventdialogue.v1.RecordingService/ReportCommitmentProgress"] = Recorder,
        ["/eventdialogue.v1.RecordingService/FulfilCommitment"] = Recorder,
        ["/eventdialogue.v1.RecordingService/DeclareCommitmentBroken"] = Recorder,
        ["/eventdialogue.v1.RecordingService/WithdrawCommitment"] = Recorder,
        ["/eventdialogue.v1.RecordingService/CorrectEntry"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RetractEntry"] = Recorder,
        ["/eventdialogue.v1.RecordingService/ReviewDialogueSources"] = Recorder,
        ["/eventdialogue.v1.RecordingService/ReviewCommitmentSources"] = Recorder,
        ["/eventdialogue.v1.RecordingService/CheckRequests"] = Recorder,
        ["/eventdialogue.v1.RecordingService/RecordRequests"] = Recorder,

        // An analyst's rating of a commitment is recorded beside it, but it is a judgement, not the record's facts.
        ["/eventdialogue.v1.RecordingService/RateCommitment"] = Analyst,

        // Views: current state, lists and search.
        ["/eventdialogue.v1.ViewsService/GetRound"] = Analyst,
        ["/eventdialogue.v1.ViewsService/ListRounds"] = Analyst,
        ["/eventdialogue.v1.ViewsService/GetCaseFile"] = Analyst,
        ["/eventdialogue.v1.ViewsService/ListCaseFiles"] = Analyst,
        ["/eventdialogue.v1.ViewsService/GetCommitment"] = Analyst,
        ["/eventdialogue.v1.ViewsService/ListCommitments"] = Analyst,
        ["/eventdialogue.v1.ViewsService/GetStatement"] = Analyst,
        ["/eventdialogue.v1.ViewsService/ListStatements"] = Analyst,
        ["/eventdialogue.v1.ViewsService/GetTopic"] = Analyst,
        ["/eventdialogue.v1.ViewsService/ListTopics"] = Analyst,

        // Building a view again reads the whole log and swaps the view: an operator's repair, as checking the log is.
        ["/eventdialogue.v1.ViewsService/RebuildView"] = Admin,

        // Analyses across the views: scorecards, recurring cases, rounds compared, timelines.
        ["/eventdialogue.v1.AnalysisService/GetScorecard"] = Analyst,
        ["/eventdialogue.v1.AnalysisService/ListCaseRecurrences"] = Analyst,
        ["/eventdialogue.v1.AnalysisService/CompareRounds"] = Analyst,
        ["/eventdialogue.v1.AnalysisService/GetTimeline"] = Analyst,

        // The log itself: reads (export is a ReadAll), time travel, proofs; restoring it is an admin's.
        ["/eventdialogue.v1.HistoryService/ReadStream"] = Auditor,
        ["/eventdialogue.v1.HistoryService/ReadAll"] = Auditor,
        ["/eventdialogue.v1.HistoryService/Subscribe"] = Auditor,
        ["/eventdialogue.v1.HistoryService/GetEntryHistory"] = Auditor,
        ["/eventdialogue.v1.HistoryService/GetEntryAsOf"] = Auditor,
        ["/eventdialogue.v1.HistoryService/RestoreHistory"] = Admin,
        ["/eventdialogue.v1.AuditService/GetCheckpoint"] = Auditor,
        ["/eventdialogue.v1.AuditService/GetInclusionProof"] = Auditor,
        ["/eventdialogue.v1.AuditService/GetConsistencyProof"] = Auditor,

        // Asking the server to re-check its whole log costs a full read: an operator's call, as restoring is.
        ["/eventdialogue.v1.AuditService/CheckLog"] = Admin,

        ["/eventdialogue.v1.KeysService/CreateKey"] = Admin,
        ["/eventdialogue.v1.KeysService/ListKeys"] = Admin,
        ["/eventdialogue.v1.KeysService/RevokeKey"] = Admin,

        // EventStoreDB's protocol: reading is auditing; appending is always refused, but only a recorder is told why.
        ["/event_store.client.streams.Streams/Read"] = Auditor,
        ["/event_store.client.streams.Streams/Append"] = Recorder,

        // EventStoreDB's clients ask what the server supports before they send any credential (they send none over
        // plaintext at all), and the answer is the published protocol: open, as health is.
        ["/event_store.client.server_features.ServerFeatures/GetSupportedMethods"] = RpcAccess.Open,

        // Descriptions of the API: for anyone with a credential; reflection can be turned off (Security:Reflection).
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = RpcAccess.AnyPrincipal,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = RpcAccess.AnyPrincipal,

        // Load balancers and orchestrators probe health without credentials.
        ["/grpc.health.v1.Health/Check"] = RpcAccess.Open,
        ["/grpc.health.v1.Health/Watch"] = RpcAccess.Open,
        ["/grpc.health.v1.Health/List"] = RpcAccess.Open,
    };
}
