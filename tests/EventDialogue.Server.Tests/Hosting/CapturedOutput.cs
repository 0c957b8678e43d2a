using System.Text;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>A child process's stdout and stderr, interleaved as they arrive, which a test can wait on.</summary>
internal sealed class CapturedOutput
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waiters = [];

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.AppendLine(line);

            // the whole text is made only for a waiter to match: made for every line, it cost a server that logs a line
            // per command (the benchmark's recording runs) time quadratic in its output, on the reader's side of the pipe
            if (_waiters.Count == 0)
            {
                return;
            }

            var text = _text.ToString();
            foreach (var waiter in _waiters.Where(waiter => waiter.Matches(text)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes as soon as the output so far matches; the logger writes on its own thread, so a line may trail the event it reports.</summary>
    public async Task WaitForAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (matches(_text.ToString()))
            {
                return;
            }

            _waiters.Add((matches, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The expected output did not appear within {timeout}. Output so far:\n{this}");
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
