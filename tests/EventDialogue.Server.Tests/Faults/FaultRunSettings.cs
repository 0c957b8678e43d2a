using System.Globalization;

namespace EventDialogue.Server.Tests.Faults;

/// <summary>
/// How big a fault run is and which random choices it makes. The suite runs a small bounded one; scripts/kill-test.sh
/// sets EVENTDIALOGUE_FAULTS_KILLS for long runs, EVENTDIALOGUE_FAULTS_FUZZ_ROUNDS makes the fuzzing longer, and
/// EVENTDIALOGUE_FAULTS_SEED replays the choices of a failed run (every run prints its seed).
/// </summary>
internal static class FaultRunSettings
{
    public const string KillsVariable = "EVENTDIALOGUE_FAULTS_KILLS";
    public const string SeedVariable = "EVENTDIALOGUE_FAULTS_SEED";
    public const string FuzzRoundsVariable = "EVENTDIALOGUE_FAULTS_FUZZ_ROUNDS";

    public static int Kills(int inTheSuite) => Read(KillsVariable) ?? inTheSuite;

    /// <summary>Rounds of a fuzz run, each calling every method once: a count, not a time, so a seed replays a run call for call.</summary>
    public static int FuzzRounds(int inTheSuite) => Read(FuzzRoundsVariable) ?? inTheSuite;

    public static int Seed() => Read(SeedVariable) ?? Random.Shared.Next();

    private static int? Read(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new InvalidOperationException($"{variable} is '{value}'; it must be a whole number.");
    }
}
