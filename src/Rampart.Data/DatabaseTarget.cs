using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rampart.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Rampart uses, chosen from --db or RAMPART_DB.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file name used in the data folder when no database is given.</summary>
    public const string DefaultSqliteFileName = "rampart.db";

    /// <summary>
    /// A value starting with "Host=" means PostgreSQL; a "Data Source=" string or a plain path means a SQLite file;
    /// null or empty means the SQLite file rampart.db in <paramref name="defaultDataDirectory"/> (created on first use).
    /// </summary>
    public static DatabaseTarget Resolve(string? value, string defaultDataDirectory)
    {
        ArgumentNullException.ThrowIfNull(defaultDataDirectory);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return SqliteFile(Path.Combine(defaultDataDirectory, DefaultSqliteFileName));
        }

        if (trimmed.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(DatabaseProvider.Postgres, trimmed);
        }

        if (trimmed.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(DatabaseProvider.Sqlite, trimmed);
        }

        return SqliteFile(trimmed);
    }

    /// <summary>The target for logs and messages, with any password removed.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            builder.Remove("Password");
            return $"PostgreSQL ({builder.ConnectionString})";
        }

        return $"SQLite ({SqliteFilePath ?? new SqliteConnectionStringBuilder(ConnectionString).DataSource})";
    }

    /// <summary>The full path of the SQLite database file; null for PostgreSQL and in-memory SQLite.</summary>
    public string? SqliteFilePath
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }

            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            var source = builder.DataSource;
            if (string.IsNullOrEmpty(source) || builder.Mode == SqliteOpenMode.Memory
                || source.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return Path.GetFullPath(source);
        }
    }

    /// <summary>Creates the folder of a SQLite file (the file itself is created by the first connection).</summary>
    public void EnsureStorageFolder()
    {
        if (SqliteFilePath is { } path && Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static DatabaseTarget SqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ConnectionString);
}
