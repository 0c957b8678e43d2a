using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EventDialogue.Server.Api.Errors;

/// <summary>What a failed call met in the database, when it was the database's state rather than the request.</summary>
public enum StoreFault
{
    /// <summary>Down, restarting, unreachable, locked or failing I/O: the same request may well succeed later.</summary>
    Unavailable,

    /// <summary>Out of disk space: nothing more can be recorded until an operator frees some.</summary>
    Full,

    /// <summary>
    /// A value of the request holds a character the database cannot keep (PostgreSQL text and jsonb refuse NUL): the
    /// request's fault, not the database's, and the same request will never succeed.
    /// </summary>
    Unstorable,
}

/// <summary>
/// Tells a database outage from a fault of the server or of the request, for both backends, so that a client is told
/// UNAVAILABLE (a retry is safe: request ids make it record at most once) instead of UNKNOWN.
/// </summary>
public static class StoreFaults
{
    // SQLite primary result codes (sqlite3.h); the extended codes keep these in their low byte.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>The fault the exception, or one it wraps, reports; null when it is not a database outage.</summary>
    public static StoreFault? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Of(e) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    private static StoreFault? Of(Exception e) => e switch
    {
        PostgresException p => OfPostgres(p.SqlState),
        NpgsqlException n when n.IsTransient => StoreFault.Unavailable,
        SqliteException s => OfSqlite(s.SqliteErrorCode & 0xFF),
        SocketException => StoreFault.Unavailable,
        _ => null,
    };

    // PostgreSQL error codes (appendix A): class 08 is a lost or refused connection, 57P01-57P03 a server shutting
    // down, crashed or starting, 53300 no connection slot free, 53100 the disk full; 22021 a character not in the
    // encoding and 22P05 one jsonb cannot hold (both: NUL).
    private static StoreFault? OfPostgres(string sqlState) => sqlState switch
    {
        "53100" => StoreFault.Full,
        "22021" or "22P05" => StoreFault.Unstorable,
        "57P01" or "57P02" or "57P03" or "53300" => StoreFault.Unavailable,
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => StoreFault.Unavailable,
        _ => null,
    };

    private static StoreFault? OfSqlite(int primaryCode) => primaryCode switch
    {
        SqliteFull => StoreFault.Full,
        SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen => StoreFault.Unavailable,
        _ => null,
    };
}
