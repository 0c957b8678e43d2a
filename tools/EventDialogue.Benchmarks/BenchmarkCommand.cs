using System.CommandLine;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Output;
using Spectre.Console;

namespace EventDialogue.Benchmarks;

/// <summary>The command line: options, their defaults and checks, and the action that runs the benchmark.</summary>
internal static class BenchmarkCommand
{
    private static readonly Option<string[]> Backend = new("--backend")
    {
        Description = "Backends to measure, in order.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [BackendFactory.Sqlite],
    };

    private static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "Connection string of a PostgreSQL database (needed for the postgres backend). The run creates a schema bench_<random> and drops it.",
    };

    private static readonly Option<DirectoryInfo> WorkDirectory = new("--work-dir")
    {
        Description = "Where the SQLite files go, in a subfolder deleted at the end.",
        DefaultValueFactory = _ => new DirectoryInfo(Path.GetTempPath()),
    };

    private static readonly Option<long> Events = new("--events")
    {
        Description = "Events per measured round of single-event appends (split between the writers).",
        DefaultValueFactory = _ => 500,
    };

    private static readonly Option<long> BatchEvents = new("--batch-events")
    {
        Description = "Events per measured round of batched appends (split between the writers).",
        DefaultValueFactory = _ => 10_000,
    };

    private static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "Events per batched append.",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<int[]> Writers = new("--writers")
    {
        Description = "Numbers of concurrent writers to measure; each writer appends to its own streams.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [1, 8],
    };

    private static readonly Option<int> PageSize = new("--page-size")
    {
        Description = "Events per ReadAllAsync call when reading $all.",
        DefaultValueFactory = _ => 1_000,
    };

    private static readonly Option<int> Rounds = new("--rounds")
    {
        Description = "Measured rounds per scenario; each round runs both sides back to back, alternating which goes first.",
        DefaultValueFactory = _ => 8,
    };

    private static readonly Option<long> Warmup = new("--warmup")
    {
        Description = "Events each side appends before a scenario's measured rounds (at least one append per writer).",
        DefaultValueFactory = _ => 200,
    };

    private static readonly Option<string[]> Measure = new("--measure")
    {
        Description = "Parts to measure: store (appends and $all reads against raw SQL), rebuild (every view from position 0 against a raw read), latency (view reads on the real server against a near-empty call), recording (statements recorded through the real server, stretch by stretch), replay (the generated history through HistoryService.ReadAll against the store's own read, and a slow client's replay watching the server's memory; --history-scale 95 makes about a million events), integrity (checkpoints and proofs on the real server against the empty call, and the CLI's history verify against a plain ReadAll replay, on the generated history); not by default: analysis (GetScorecard grouped five ways, as of today and of a past day, over 10,200 more generated commitments added to the history, against the empty call; its own call counts, --analysis-calls: each scorecard takes much longer than a view read).",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [.. BenchmarkParts.Default],
    };

    private static readonly Option<int> HistoryScale = new("--history-scale")
    {
        Description = "Size of the generated domain history for the rebuild and latency parts: 1 is about 10,600 events, 10 the 106,000 of the view-rebuild test.",
        DefaultValueFactory = _ => 2,
    };

    private static readonly Option<int> RebuildRounds = new("--rebuild-rounds")
    {
        Description = "Measured rounds of the view rebuild, each beside a plain scan of the same events.",
        DefaultValueFactory = _ => 5,
    };

    private static readonly Option<string[]> Projections = new("--projections")
    {
        Description = "Rebuild only these projections (rounds, case-files, commitments, statements, topics); all of them when not given, as the server runs them.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    private static readonly Option<int> Calls = new("--calls")
    {
        Description = "Measured calls of each kind in the latency and integrity parts.",
        DefaultValueFactory = _ => 1_000,
    };

    // A scorecard reads and assesses the whole tracker (0.6 s a call over 10,200 commitments): the view parts' call
    // counts would keep the analysis part running for hours.
    private static readonly Option<int> AnalysisCalls = new("--analysis-calls")
    {
        Description = "Measured calls of each kind in the analysis part (each scorecard reads the whole tracker).",
        DefaultValueFactory = _ => 30,
    };

    private static readonly Option<int> AnalysisWarmupCalls = new("--analysis-warmup")
    {
        Description = "Calls of each kind before the measured ones in the analysis part.",
        DefaultValueFactory = _ => 5,
    };

    private static readonly Option<int> WarmupCalls = new("--call-warmup")
    {
        Description = "Calls of each kind before the measured ones in the latency and integrity parts.",
        DefaultValueFactory = _ => 200,
    };

    private static readonly Option<long> Statements = new("--statements")
    {
        Description = "Statements recorded about one round through the server in the recording part, for each number of --writers (the clients).",
        DefaultValueFactory = _ => 4_000,
    };

    private static readonly Option<long> Stretch = new("--stretch")
    {
        Description = "Statements per reported stretch of the recording part: a cost that grows with the record shows as later stretches slower than the first.",
        DefaultValueFactory = _ => 1_000,
    };

    private static readonly Option<long> RecordWarmup = new("--record-warmup")
    {
        Description = "Statements the same clients record about another round before the recording part's measured ones (a new server compiles its code again, optimised, over its first minute); 0 for none.",
        DefaultValueFactory = _ => 2_000,
    };

    private static readonly Option<int[]> PerCall = new("--per-call")
    {
        Description = "Statements per recording call in the recording part, in order: 1 is RecordStatement, more is RecordRequests with that many (all or nothing).",
        DefaultValueFactory = _ => [1, 100],
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<int> ReplayRounds = new("--replay-rounds")
    {
        Description = "Measured rounds of the replay part (the whole history through ReadAll over gRPC, beside the store's own $all read) and of the integrity part's full verification (beside a plain ReadAll replay).",
        DefaultValueFactory = _ => 3,
    };

    private static readonly Option<int> SlowClientRate = new("--slow-client-rate")
    {
        Description = "Events per second read by the deliberately slow client of the replay part, while the server's memory is watched.",
        DefaultValueFactory = _ => 20_000,
    };

    private static readonly Option<bool> Markdown = new("--markdown")
    {
        Description = "Print the result table with Markdown borders.",
    };

    public static RootCommand Create()
    {
        Backend.AcceptOnlyFromAmong(BackendFactory.Sqlite, BackendFactory.Postgres);
        Measure.AcceptOnlyFromAmong([.. BenchmarkParts.All]);
        RequirePositive(Events, BatchEvents, Warmup, Statements, Stretch);
        RecordWarmup.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 0)
            {
                result.AddError("--record-warmup must be 0 or more");
            }
        });
        RequirePositive(BatchSize, PageSize, Rounds, HistoryScale, RebuildRounds, Calls, WarmupCalls, AnalysisCalls, AnalysisWarmupCalls, ReplayRounds, SlowClientRate);
        BatchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > EventStore.StoreLimits.MaxEventsPerAppend)
            {
                result.AddError($"--batch-size is at most {EventStore.StoreLimits.MaxEventsPerAppend}, the store's limit per append");
            }
        });
        PerCall.Validators.Add(result =>
        {
            // RecordRequests takes at most 1,000 requests a call
            if (result.GetValueOrDefault<int[]>() is { } values && values.Any(n => n is < 1 or > 1000))
            {
                result.AddError("--per-call takes 1 to 1000 statements a call, the most a RecordRequests call takes");
            }
        });
        Writers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int[]>() is { } values && values.Any(w => w < 1))
            {
                result.AddError("--writers must be 1 or more");
            }
        });

        var command = new RootCommand(
            "Measures the event store's appends and $all reads against raw INSERTs and SELECTs on the same database, " +
            "the rebuild of every view against a raw read of the same events, view reads on the real server against a near-empty call, " +
            "and statements recorded through the real server, stretch by stretch.")
        {
            Backend, Postgres, WorkDirectory, Measure, Events, BatchEvents, BatchSize, Writers, PageSize, Rounds, Warmup,
            HistoryScale, RebuildRounds, Projections, Calls, WarmupCalls, AnalysisCalls, AnalysisWarmupCalls, Statements, Stretch, RecordWarmup, PerCall, ReplayRounds, SlowClientRate, Markdown,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(Backend)?.Contains(BackendFactory.Postgres) == true && string.IsNullOrWhiteSpace(result.GetValue(Postgres)))
            {
                result.AddError("--backend postgres needs --postgres CONNECTION_STRING");
            }
        });
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var settings = new BenchmarkSettings(
            Backends: parsed.GetRequiredValue(Backend).Distinct().ToArray(),
            PostgresConnectionString: parsed.GetValue(Postgres),
            WorkDirectory: parsed.GetRequiredValue(WorkDirectory).FullName,
            Parts: parsed.GetRequiredValue(Measure).Distinct().ToArray(),
            Events: parsed.GetValue(Events),
            BatchEvents: parsed.GetValue(BatchEvents),
            BatchSize: parsed.GetValue(BatchSize),
            Writers: parsed.GetRequiredValue(Writers).Distinct().ToArray(),
            PageSize: parsed.GetValue(PageSize),
            Rounds: parsed.GetValue(Rounds),
            WarmupEvents: parsed.GetValue(Warmup),
            HistoryScale: parsed.GetValue(HistoryScale),
            RebuildRounds: parsed.GetValue(RebuildRounds),
            Projections: parsed.GetRequiredValue(Projections).Distinct().ToArray(),
            Calls: parsed.GetValue(Calls),
            WarmupCalls: parsed.GetValue(WarmupCalls),
            AnalysisCalls: parsed.GetValue(AnalysisCalls),
            AnalysisWarmupCalls: parsed.GetValue(AnalysisWarmupCalls),
            Statements: parsed.GetValue(Statements),
            Stretch: parsed.GetValue(Stretch),
            RecordWarmup: parsed.GetValue(RecordWarmup),
            PerCall: parsed.GetRequiredValue(PerCall).Distinct().ToArray(),
            ReplayRounds: parsed.GetValue(ReplayRounds),
            SlowClientRate: parsed.GetValue(SlowClientRate),
            Markdown: parsed.GetValue(Markdown));

        var results = await new BenchmarkRun(settings, new ProgressLog()).RunAsync(cancellationToken);
        var console = StandardOutput();
        if (results.Rates.Count > 0)
        {
            ResultTable.Write(console, results.Rates, settings.Markdown);
        }

        if (results.Latencies.Count > 0)
        {
            console.WriteLine();
            LatencyTable.Write(console, results.Latencies, settings.Markdown);
        }

        if (results.Recordings.Count > 0)
        {
            console.WriteLine();
            RecordingTable.Write(console, results.Recordings, results.CatchUps, results.Floors, settings.Markdown);
        }

        if (results.Replays.Count > 0)
        {
            console.WriteLine();
            ReplayMemoryTable.Write(console, results.Replays, settings.Markdown);
        }

        return 0;
    }

    /// <summary>When stdout is a file or a pipe, Spectre assumes 80 columns and would wrap the table; give it room.</summary>
    private static IAnsiConsole StandardOutput()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    private static void RequirePositive<T>(params Option<T>[] options)
        where T : struct, System.Numerics.INumber<T>
    {
        foreach (var option in options)
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<T>() <= T.Zero)
                {
                    result.AddError($"{option.Name} must be 1 or more");
                }
            });
        }
    }
}
