namespace EventDialogue.Benchmarks.Backends;

/// <summary>How to point the real server at a database: configuration for its command line, and for its environment (secrets).</summary>
internal sealed record ServerStoreSettings(IReadOnlyDictionary<string, string> CommandLine, IReadOnlyDictionary<string, string> Environment);
