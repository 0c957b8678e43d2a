using System.Diagnostics;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests;

/// <summary>The protos stay clean under buf lint (STANDARD rules): run here so that the test command, and so CI, checks them.</summary>
public sealed class ProtoLintTests
{
    // A clean clone installs buf from npm on the first run.
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Given_the_protos_when_buf_lint_runs_then_it_reports_nothing()
    {
        var buf = await ChildProcess.RunAsync(
            new ProcessStartInfo("bash") { ArgumentList = { "scripts/lint-protos.sh" }, WorkingDirectory = RepositoryPaths.Root },
            LintTimeout);

        Assert.True(buf.ExitCode == 0, $"bash scripts/lint-protos.sh in {RepositoryPaths.Root}: {buf}");
    }
}
