using EventDialogue.EventStore.Subscriptions;
using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// LISTENs, on a connection of its own, for appends made by any process on the database and wakes this process's live
/// subscribers. After every (re)connection it wakes them too, since a notice sent while it was away is lost.
/// </summary>
internal sealed class PostgresAppendListener : IAsyncDisposable
{
    /// <summary>How long the connection may stay silent before it is checked: a database that vanished sends no notice.</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _channel;
    private readonly AppendSignal _appended;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;

    public PostgresAppendListener(string connectionString, PostgresSchema schema, AppendSignal appended)
    {
        _dataSource = PostgresDedicatedConnection.DataSource(connectionString);
        _channel = schema.AppendedChannel;
        _appended = appended;
        _listening = Task.Run(ListenAsync);
    }

    private async Task ListenAsync()
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(_stop.Token).ConfigureAwait(false);
                await using var connectionDisposal = connection.ConfigureAwait(false);
                connection.Notification += (_, _) => _appended.Notify();
                await PostgresDedicatedConnection.ExecuteAsync(connection, $"LISTEN {_channel}", _stop.Token).ConfigureAwait(false);
                _appended.Notify();
                backoff = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    if (!await connection.WaitAsync(Silence, _stop.Token).ConfigureAwait(false))
                    {
                        await PostgresDedicatedConnection.ExecuteAsync(connection, "SELECT 1", _stop.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or OperationCanceledException)
            {
                // Subscribers still poll meanwhile; try again, backing off while the database stays away.
                await Task.Delay(backoff, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listening.ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
