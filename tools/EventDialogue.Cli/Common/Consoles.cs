using Spectre.Console;

namespace EventDialogue.Cli.Common;

internal static class Consoles
{
    // When output goes to a file or a pipe, Spectre assumes 80 columns and would wrap tables; give them room.
    private const int RedirectedWidth = 200;

    public static IAnsiConsole Standard() => Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error() => Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
