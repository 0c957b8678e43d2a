using System.CommandLine;
using EventDialogue.Client.Connection;
using EventDialogue.Client.Dataset;
using Grpc.Core;
using Spectre.Console;

namespace EventDialogue.Cli.Common;

/// <summary>
/// Runs a command's action with a connection to the server, and turns every failure into one clear message on stderr
/// and an exit code (see <see cref="ExitCodes"/>).
/// </summary>
internal static class CommandActions
{
    public static void SetSessionAction(this Command command, Func<Session, ParseResult, CancellationToken, Task> action) =>
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var errors = Consoles.Error();
            Uri address;
            try
            {
                address = ServerAddress.Parse(parsed.GetValue(GlobalOptions.Server));
            }
            catch (ArgumentException ex)
            {
                return Fail(errors, ex.Message, ExitCodes.BadInput);
            }

            using var channel = ServerChannel.Create(address, ApiKeySource.Resolve(parsed.GetValue(GlobalOptions.ApiKey)));
            try
            {
                await action(new Session(address, channel, parsed.GetValue(GlobalOptions.Json)), parsed, cancellationToken);
                return ExitCodes.Ok;
            }
            catch (DatasetException ex)
            {
                errors.MarkupLine($"[red]The dataset has {ex.Problems.Count} problem(s); nothing was sent.[/]");
                foreach (var problem in ex.Problems)
                {
                    errors.WriteLine(problem.ToString());
                }

                return ExitCodes.BadInput;
            }
            catch (History.HistoryFileException ex)
            {
                return Fail(errors, ex.Message, ExitCodes.BadInput);
            }
            catch (History.VerificationFailedException ex)
            {
                return Fail(errors, ex.Message, ExitCodes.NotVerified);
            }
            catch (ImportRefusedException ex)
            {
                var recorded = ex.RecordedFromFile == 0
                    ? $"Nothing from {ex.Entry.File} was recorded."
                    : $"{ex.RecordedFromFile} earlier entries of {ex.Entry.File} were recorded; after fixing the entry, import again: they will not be recorded twice.";
                return Fail(errors, $"{ex.Message}{Environment.NewLine}{recorded}", ExitCodes.Refused);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                return Fail(errors, ServerError.Describe(ex, address), ExitCodes.Unreachable);
            }
            catch (RpcException ex)
            {
                return Fail(errors, ServerError.Describe(ex, address), ExitCodes.Refused);
            }
        });

    private static int Fail(IAnsiConsole errors, string message, int exitCode)
    {
        errors.MarkupLineInterpolated($"[red]{message}[/]");
        return exitCode;
    }
}
