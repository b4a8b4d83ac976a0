using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Mamori.Host.Logging;

/// <summary>
/// What a log receives in place of an exception (see <see cref="LogGuard"/>): the exception's type, the codes it
/// carries and its stack trace, and the same for its inner exceptions — never a message. An operator still sees what
/// failed and where (<c>Npgsql.PostgresException [SQLSTATE 23505]</c> and the frames), not the values involved.
/// </summary>
internal sealed class LoggedException : Exception
{
    private readonly string? _stackTrace;

    private LoggedException(Exception original)
        : base(Describe(original), From(original.InnerException))
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace;
    }

    /// <summary>The full name of the exception's type, e.g. <c>Microsoft.EntityFrameworkCore.DbUpdateException</c>.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    [return: NotNullIfNotNull(nameof(exception))]
    public static LoggedException? From(Exception? exception) => exception switch
    {
        null => null,
        LoggedException logged => logged,
        _ => new LoggedException(exception),
    };

    public override string ToString()
    {
        var text = new StringBuilder(Message);
        if (InnerException is not null)
            text.Append(" ---> ").AppendLine(InnerException.ToString()).Append("   --- End of inner exception stack trace ---");
        if (_stackTrace is not null)
            text.AppendLine().Append(_stackTrace);
        return text.ToString();
    }

    private static string Describe(Exception e) =>
        $"{e.GetType().FullName}{(CodesOf(e) is { } codes ? $" [{codes}]" : "")} (message withheld from logs)";

    /// <summary>What an exception says about itself without repeating a value: stable codes, never text.</summary>
    private static string? CodesOf(Exception e) => e switch
    {
        MamoriException m => m.Code,
        SqliteException s => $"SQLite {s.SqliteErrorCode}/{s.SqliteExtendedErrorCode}",
        DbException { SqlState: { } state } => $"SQLSTATE {state}",
        SocketException s => s.SocketErrorCode.ToString(),
        _ => null,
    };
}
