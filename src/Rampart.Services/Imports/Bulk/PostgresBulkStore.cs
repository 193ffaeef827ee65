using Npgsql;
using NpgsqlTypes;
using Rampart.Data;

namespace Rampart.Services.Imports.Bulk;

/// <summary>
/// PostgreSQL: inserts stream through binary COPY (the server's fastest load path) and updates go as batches of
/// prepared statements in one round trip. Keys come from the identity sequence, so concurrent imports never collide.
/// </summary>
internal sealed class PostgresBulkStore(RampartDbContext db) : BulkStore(db)
{
    private const int StatementsPerBatch = 1000;

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    public override object? Stored(DateTimeOffset? value) => value?.ToUniversalTime();

    public override Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<long[]> NextIdsAsync(BulkTable table, int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        await using var command = Command(
            $"SELECT nextval(pg_get_serial_sequence(@p0, 'Id')) FROM generate_series(1, @p1)",
            Quote(table.Name), count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var i = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[i++] = reader.GetInt64(0);
        }

        return ids;
    }

    public override async Task InsertAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = table.Columns;
        var types = columns.Select(c => TypeOf(c.ProviderType)).ToArray();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await Npgsql.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Read(row) is { } value)
                {
                    importer.Write(value, types[i]); // buffered; the synchronous call avoids a state machine per value
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public override async Task InsertRowsAsync<T>(RowShape<T> shape, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var copy = $"COPY {Quote(shape.Table)} ({string.Join(", ", shape.Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await Npgsql.BeginBinaryImportAsync(copy, cancellationToken);
        var writer = new CopyWriter(importer);
        foreach (var row in rows)
        {
            importer.StartRow();
            shape.Write(row, writer);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public override async Task<int> ExecuteForKeysAsync(string sql, object?[] parameters, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var text = sql.Replace("{key}", "= ANY(@p" + parameters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", StringComparison.Ordinal);
        var affected = 0;
        foreach (var chunk in keys.Chunk(50_000))
        {
            await using var command = Command(text, [.. parameters, chunk]);
            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return affected;
    }

    public override async Task<int> ExecuteForEachAsync(string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var affected = 0;
        var positional = PositionalSql(sql);
        for (var start = 0; start < rows.Count; start += StatementsPerBatch)
        {
            await using var batch = new NpgsqlBatch(Npgsql, (NpgsqlTransaction?)Transaction);
            foreach (var row in rows.Skip(start).Take(StatementsPerBatch))
            {
                var command = new NpgsqlBatchCommand(positional);
                foreach (var value in row)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                batch.BatchCommands.Add(command);
            }

            affected += await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return affected;
    }

    /// <summary>Batch commands take positional parameters ($1…); statements here are written with @p0….</summary>
    private static string PositionalSql(string sql)
    {
        var result = sql;
        for (var i = 40; i >= 0; i--)
        {
            result = result.Replace("@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary>Typed binary COPY values (buffered; the synchronous calls avoid a state machine per value).</summary>
    private sealed class CopyWriter(NpgsqlBinaryImporter importer) : IRowWriter
    {
        public void Text(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
        }

        public void Int64(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public void NullableInt64(long? value)
        {
            if (value is { } number)
            {
                importer.Write(number, NpgsqlDbType.Bigint);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Int32(int? value)
        {
            if (value is { } number)
            {
                importer.Write(number, NpgsqlDbType.Integer);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Double(double? value)
        {
            if (value is { } number)
            {
                importer.Write(number, NpgsqlDbType.Double);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Boolean(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public void Date(DateTimeOffset? value)
        {
            if (value is { } date)
            {
                importer.Write(date.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Day(DateOnly? value)
        {
            if (value is { } day)
            {
                importer.Write(day, NpgsqlDbType.Date);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }

    private static NpgsqlDbType TypeOf(Type type) => type switch
    {
        _ when type == typeof(string) => NpgsqlDbType.Text,
        _ when type == typeof(long) => NpgsqlDbType.Bigint,
        _ when type == typeof(int) => NpgsqlDbType.Integer,
        _ when type == typeof(double) => NpgsqlDbType.Double,
        _ when type == typeof(bool) => NpgsqlDbType.Boolean,
        _ when type == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        _ => throw new NotSupportedException($"No COPY type for {type.Name}."),
    };
}
