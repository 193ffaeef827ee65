using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rampart.Data;

/// <summary>
/// Sets the SQLite pragmas on every connection: WAL so readers do not block the writer, foreign keys enforced,
/// a busy timeout so a second writer waits instead of failing at once, and temporary tables and sorts in memory.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // temp_store is set here, outside any transaction: SQLite refuses to change it inside one once temporary storage
    // is in use (the import repeats it as a no-op).
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
