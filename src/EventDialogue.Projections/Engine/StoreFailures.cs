using System.Data.Common;
using System.Net.Sockets;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// Tells an error of the store or of the way to it (a database, a connection, a disk) from an error of an event.
/// Only the latter may stop a projection at a poison event: the former goes away when the store answers again,
/// and the same event then applies.
/// </summary>
public static class StoreFailures
{
    public static bool Includes(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            // DbException covers NpgsqlException (and PostgresException) and SqliteException, whatever their code:
            // even an error that looks permanent (a dropped table) is the store's to fix, never the event's.
            if (e is DbException or IOException or TimeoutException or SocketException or CheckpointMovedException)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Includes))
            {
                return true;
            }
        }

        return false;
    }
}
