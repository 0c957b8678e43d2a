using System.Threading.Channels;
using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// Tells the other processes on the database, by NOTIFY, that this one has appended, so that their live subscribers
/// read $all at once instead of at their next poll. Sent after the append's commit, never inside it, and coalesced
/// (at most one notice in flight and one waiting): a NOTIFY serialises commits, and appends must not wait for one.
/// </summary>
internal sealed class PostgresAppendNotifier : IAsyncDisposable
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _notify;
    private readonly Task _sending;

    public PostgresAppendNotifier(NpgsqlDataSource dataSource, PostgresSchema schema)
    {
        _dataSource = dataSource;
        _notify = $"NOTIFY {schema.AppendedChannel}";
        _sending = Task.Run(SendAsync);
    }

    public void Appended() => _pending.Writer.TryWrite(true);

    private async Task SendAsync()
    {
        await foreach (var _ in _pending.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
                await using var connectionDisposal = connection.ConfigureAwait(false);
                using var command = new NpgsqlCommand(_notify, connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The database is unreachable: the others cannot read $all either, and read it again when they reconnect.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _sending.ConfigureAwait(false);
    }
}
