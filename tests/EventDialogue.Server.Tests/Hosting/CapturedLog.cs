using Microsoft.Extensions.Logging;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>An in-process server's log records, each as "level: category[event] message" (and its exception below), in a <see cref="CapturedOutput"/>.</summary>
internal sealed class CapturedLog(CapturedOutput output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, output);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedOutput output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            output.Append($"{logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}");
            if (exception is not null)
            {
                output.Append(exception.ToString());
            }
        }
    }
}
