using System.Data.Common;
using Rampart.Data;

namespace Rampart.Services.Imports.Bulk;

/// <summary>
/// SQLite has one writer and no COPY: rows go through one prepared INSERT whose parameters are rebound per row,
/// which is SQLite's fastest documented path. Keys continue from the table's maximum (the transaction holds the
/// write lock, so no other writer can take them).
/// </summary>
internal sealed class SqliteBulkStore(RampartDbContext db) : BulkStore(db)
{
    private readonly Dictionary<string, long> _nextIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DbCommand> _inserts = new(StringComparer.Ordinal);

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // 64 MiB of page cache for this connection: index pages of a large asset stay in memory during the import.
        await using var command = Command("PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<long[]> NextIdsAsync(BulkTable table, int count, CancellationToken cancellationToken)
    {
        if (!_nextIds.TryGetValue(table.Name, out var next))
        {
            var name = Quote(table.Name);
            await using var command = Command(
                $"SELECT max(coalesce((SELECT max(\"Id\") FROM {name}), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = @p0), 0))",
                table.Name);
            next = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = next++;
        }

        _nextIds[table.Name] = next;
        return ids;
    }

    public override async Task InsertAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!_inserts.TryGetValue(table.Name, out var command))
        {
            command = Command(
                $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) VALUES ({Parameters(table.Columns.Count)})",
                new object?[table.Columns.Count]);
            command.Prepare();
            _inserts[table.Name] = command;
        }

        var parameters = command.Parameters;
        var columns = table.Columns;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery(); // Microsoft.Data.Sqlite runs async calls synchronously anyway; this skips the wrapper
        }

        await Task.CompletedTask;
    }

    public override async Task<int> ExecuteForEachAsync(string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var command = Command(sql, new object?[rows[0].Length]);
        command.Prepare();
        var affected = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = row[i] ?? DBNull.Value;
            }

            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return affected;
    }
}
