using System.Diagnostics;
using EventDialogue.Projections.Coordination;
using EventDialogue.Projections.Engine;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

/// <summary>
/// The processes on one PostgreSQL schema elect the one that runs the projections with a session-level advisory lock,
/// held on a connection of its own: when that process dies, or loses its connection, PostgreSQL releases the lock at
/// once and another process takes it at its next try (every second). On the same connection every process LISTENs for
/// the checkpoints the projections commit, so that a read waiting for a position is answered on any process as soon
/// as the view has reached it there.
/// </summary>
public sealed class PostgresProjectionCoordination : IProjectionCoordination
{
    /// <summary>How often a process that does not lead tries the lock, and how long the connection may stay silent
    /// before it is checked.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresViewSql _sql;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _term = NewTerm();
    private CancellationTokenSource? _leading;
    private Task? _running;
    private volatile bool _connected;

    internal PostgresProjectionCoordination(string connectionString, PostgresViewSql sql)
    {
        _dataSource = PostgresDedicatedConnection.DataSource(connectionString);
        _sql = sql;
    }

    public event Action<string, Position>? CheckpointCommitted;

    public bool IsConnected => _connected;

    public Task<CancellationToken> LeadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _running ??= Task.Run(RunAsync, CancellationToken.None);
            return _term.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync()
    {
        var backoff = RetryBackoff.Default();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(_stop.Token).ConfigureAwait(false);
                await using var connectionDisposal = connection.ConfigureAwait(false);
                connection.Notification += OnNotification;
                await PostgresDedicatedConnection.ExecuteAsync(connection, $"LISTEN {_sql.Schema.CheckpointsChannel}", _stop.Token).ConfigureAwait(false);

                // notices sent while this process was not listening are lost: start from what is stored
                await PublishStoredCheckpointsAsync(connection).ConfigureAwait(false);
                _connected = true;
                backoff.Reset();
                await HoldAsync(connection).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or OperationCanceledException or InvalidOperationException)
            {
                // The connection, and with it the lock if this process held it, is gone: stop leading before anything else.
                _connected = false;
                StepDown();
                await Task.Delay(backoff.Next(), _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        _connected = false;
        StepDown();
    }

    /// <summary>Tries the lock every <see cref="Interval"/> until it is held; hears notices; fails when the connection does.</summary>
    private async Task HoldAsync(NpgsqlConnection connection)
    {
        var nextTry = 0L;
        while (true)
        {
            if (_leading is null && Stopwatch.GetTimestamp() >= nextTry)
            {
                nextTry = Stopwatch.GetTimestamp() + (long)(Interval.TotalSeconds * Stopwatch.Frequency);
                if (await TryLockAsync(connection).ConfigureAwait(false))
                {
                    BecomeLeader();
                }
            }

            if (!await connection.WaitAsync(Interval, _stop.Token).ConfigureAwait(false))
            {
                await PostgresDedicatedConnection.ExecuteAsync(connection, "SELECT 1", _stop.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _sql.Schema.ProjectionsLockKey });
        return await command.ExecuteScalarAsync(_stop.Token).ConfigureAwait(false) is true;
    }

    private async Task PublishStoredCheckpointsAsync(NpgsqlConnection connection)
    {
        var stored = new List<(string Projection, Position Checkpoint)>();
        using var command = new NpgsqlCommand(_sql.ReadCheckpoints, connection);
        var reader = await command.ExecuteReaderAsync(_stop.Token).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(_stop.Token).ConfigureAwait(false))
            {
                stored.Add((reader.GetString(0), new Position(reader.GetInt64(1))));
            }
        }

        foreach (var (projection, checkpoint) in stored)
        {
            CheckpointCommitted?.Invoke(projection, checkpoint);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notice)
    {
        if (CheckpointNotice.TryParse(notice.Payload, out var projection, out var checkpoint))
        {
            CheckpointCommitted?.Invoke(projection, checkpoint);
        }
    }

    private void BecomeLeader()
    {
        lock (_gate)
        {
            _leading = new CancellationTokenSource();
            _term.TrySetResult(_leading.Token);
        }
    }

    private void StepDown()
    {
        lock (_gate)
        {
            if (_leading is null)
            {
                return;
            }

            // not disposed: the host may still be linking to its token
            _leading.Cancel();
            _leading = null;
            _term = NewTerm();
        }
    }

    private static TaskCompletionSource<CancellationToken> NewTerm() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_running is not null)
        {
            await _running.ConfigureAwait(false);
        }

        // closing the connection (never pooled) ends the session, and PostgreSQL releases the lock for the next leader
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
