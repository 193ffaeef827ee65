using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rampart.Data;

namespace Rampart.Services.Imports.Bulk;

/// <summary>
/// The import's fast path to the database, inside the transaction the caller opened on the context's connection:
/// id reservation, bulk inserts (PostgreSQL binary COPY, SQLite prepared statements) and batched updates by key.
/// Everything here is plain SQL over the EF model's table and column names.
/// </summary>
internal abstract class BulkStore(RampartDbContext db) : IDisposable
{
    protected DbConnection Connection { get; } = db.Database.GetDbConnection();

    protected DbTransaction? Transaction { get; } = db.Database.CurrentTransaction?.GetDbTransaction();

    public static BulkStore For(RampartDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresBulkStore(db) : new SqliteBulkStore(db);

    /// <summary>Quotes an identifier the same way on both providers.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A date as the provider stores it: UTC ticks on SQLite (see UtcTicksConverter), timestamptz on PostgreSQL.</summary>
    public abstract object? Stored(DateTimeOffset? value);

    /// <summary>Reads a date column written by <see cref="Stored"/>.</summary>
    public static DateTimeOffset? ReadDate(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null
            : reader.GetFieldType(ordinal) == typeof(long) ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
            : reader.GetFieldValue<DateTimeOffset>(ordinal);
    }

    /// <summary>Tunes the connection for a large write (SQLite page cache); a no-op where nothing is needed.</summary>
    public abstract Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Reserves <paramref name="count"/> new keys for <paramref name="table"/>, unique among concurrent writers.</summary>
    public abstract Task<long[]> NextIdsAsync(BulkTable table, int count, CancellationToken cancellationToken);

    /// <summary>Inserts rows whose keys are already set.</summary>
    public abstract Task InsertAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Inserts rows of a hand-written shape (the hot tables); keys already set.</summary>
    public abstract Task InsertRowsAsync<T>(RowShape<T> shape, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a statement for many keys: <c>{key}</c> in <paramref name="sql"/> stands for the key comparison, the other
    /// parameters (<c>@p0…</c>) are the same for every key. PostgreSQL takes the keys as arrays (<c>= ANY</c>), SQLite
    /// one by one through a prepared statement. Returns the rows affected.
    /// </summary>
    public abstract Task<int> ExecuteForKeysAsync(string sql, object?[] parameters, IReadOnlyList<long> keys, CancellationToken cancellationToken);

    /// <summary>Runs one parameterized statement once per row of values, batched; returns the total rows affected.</summary>
    public abstract Task<int> ExecuteForEachAsync(string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken);

    public DbCommand Command(string sql, params object?[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases prepared statements held across batches.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>A statement with numbered parameters <c>@p0…@pN</c>, the same text on both providers.</summary>
    public static string Parameters(int count, int offset = 0) =>
        string.Join(", ", Enumerable.Range(offset, count).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
