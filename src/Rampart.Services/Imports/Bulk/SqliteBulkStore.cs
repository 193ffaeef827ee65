using System.Globalization;
using Microsoft.Data.Sqlite;
using Rampart.Data;
using SQLitePCL;

namespace Rampart.Services.Imports.Bulk;

/// <summary>
/// SQLite has one writer and no COPY. Rows go through one prepared INSERT per table, bound by position and stepped
/// through SQLite's C API on the connection's own handle (inside the open transaction): the ADO.NET layer costs more
/// per row than SQLite's insert itself. Keys continue from the table's maximum; the transaction holds the write lock,
/// so no other writer can take them.
/// </summary>
internal sealed class SqliteBulkStore(RampartDbContext db) : BulkStore(db)
{
    private readonly Dictionary<string, long> _nextIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, sqlite3_stmt> _inserts = new(StringComparer.Ordinal);
    private readonly Binder _binder = new();

    private sqlite3 Handle => ((SqliteConnection)Connection).Handle!;

    public override object? Stored(DateTimeOffset? value) => value?.UtcTicks;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // 32 MiB of page cache for this connection: index pages of a large asset stay in memory during the import.
        await using var command = Command("PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;");
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
            if (!await HasSequenceTableAsync(cancellationToken))
            {
                command.CommandText = $"SELECT coalesce((SELECT max(\"Id\") FROM {name}), 0)";
            }

            next = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
        }

        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = next++;
        }

        _nextIds[table.Name] = next;
        return ids;
    }

    private async Task<bool> HasSequenceTableAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    public override Task InsertAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (!_inserts.TryGetValue(table.Name, out var statement))
        {
            var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(Handle, sql, out statement), table.Name);
            _inserts[table.Name] = statement;
        }

        var columns = table.Columns;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Count; i++)
            {
                var position = i + 1;
                var result = columns[i].Read(row) switch
                {
                    null => raw.sqlite3_bind_null(statement, position),
                    string text => raw.sqlite3_bind_text(statement, position, text),
                    long number => raw.sqlite3_bind_int64(statement, position, number),
                    int number => raw.sqlite3_bind_int64(statement, position, number),
                    bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
                    double number => raw.sqlite3_bind_double(statement, position, number),
                    var other => throw new NotSupportedException($"No SQLite binding for {other.GetType().Name}."),
                };
                Check(result, table.Name);
            }

            var step = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (step != raw.SQLITE_DONE)
            {
                Check(step, table.Name);
            }
        }

        return Task.CompletedTask;
    }

    public override Task InsertRowsAsync<T>(RowShape<T> shape, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (!_inserts.TryGetValue(shape.Table, out var statement))
        {
            var sql = $"INSERT INTO {Quote(shape.Table)} ({string.Join(", ", shape.Columns.Select(Quote))}) VALUES ({string.Join(", ", shape.Columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(Handle, sql, out statement), shape.Table);
            _inserts[shape.Table] = statement;
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _binder.Start(statement);
            shape.Write(row, _binder);
            if (_binder.Error != raw.SQLITE_OK)
            {
                Check(_binder.Error, shape.Table);
            }

            var step = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (step != raw.SQLITE_DONE)
            {
                Check(step, shape.Table);
            }
        }

        return Task.CompletedTask;
    }

    public override Task<int> ExecuteForKeysAsync(string sql, object?[] parameters, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var key = "@p" + parameters.Length.ToString(CultureInfo.InvariantCulture);
        return ExecuteForEachAsync(
            sql.Replace("{key}", "= " + key, StringComparison.Ordinal),
            [.. keys.Select(k => (object?[])[.. parameters, k])],
            cancellationToken);
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

    protected override void Dispose(bool disposing)
    {
        foreach (var statement in _inserts.Values)
        {
            statement.Dispose();
        }

        _inserts.Clear();
        base.Dispose(disposing);
    }

    /// <summary>Binds by position; text is encoded into one reused buffer (SQLite copies it), dates are UTC ticks.</summary>
    private sealed class Binder : IRowWriter
    {
        private byte[] _utf8 = new byte[4096];

        public int Error { get; private set; }

        private sqlite3_stmt Statement { get; set; } = null!;

        private int Position { get; set; }

        public void Start(sqlite3_stmt statement)
        {
            Statement = statement;
            Position = 0;
            Error = raw.SQLITE_OK;
        }

        public void Text(string? value)
        {
            if (value is null)
            {
                Result(raw.sqlite3_bind_null(Statement, ++Position));
                return;
            }

            var length = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
            if (length > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
            }

            var written = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
            Result(raw.sqlite3_bind_text(Statement, ++Position, _utf8.AsSpan(0, written)));
        }

        public void Int64(long value) => Result(raw.sqlite3_bind_int64(Statement, ++Position, value));

        public void NullableInt64(long? value) =>
            Result(value is { } number ? raw.sqlite3_bind_int64(Statement, ++Position, number) : raw.sqlite3_bind_null(Statement, ++Position));

        public void Int32(int? value) =>
            Result(value is { } number ? raw.sqlite3_bind_int64(Statement, ++Position, number) : raw.sqlite3_bind_null(Statement, ++Position));

        public void Double(double? value) =>
            Result(value is { } number ? raw.sqlite3_bind_double(Statement, ++Position, number) : raw.sqlite3_bind_null(Statement, ++Position));

        public void Boolean(bool value) => Result(raw.sqlite3_bind_int64(Statement, ++Position, value ? 1 : 0));

        public void Date(DateTimeOffset? value) =>
            Result(value is { } date ? raw.sqlite3_bind_int64(Statement, ++Position, date.UtcTicks) : raw.sqlite3_bind_null(Statement, ++Position));

        /// <summary>The text EF Core's SQLite provider stores for a DateOnly.</summary>
        public void Day(DateOnly? value)
        {
            if (value is { } day)
            {
                Text(day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture));
            }
            else
            {
                Result(raw.sqlite3_bind_null(Statement, ++Position));
            }
        }

        private void Result(int code)
        {
            if (code != raw.SQLITE_OK && Error == raw.SQLITE_OK)
            {
                Error = code;
            }
        }
    }

    private void Check(int result, string table)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException($"SQLite error {result} writing {table}: {raw.sqlite3_errmsg(Handle).utf8_to_string()}", result);
        }
    }
}
