namespace Rampart.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Rampart uses, chosen from --db or RAMPART_DB.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// A value starting with "Host=" means PostgreSQL; a "Data Source=" string or a plain path means a SQLite file;
    /// null or empty means the SQLite file rampart.db in <paramref name="defaultDataDirectory"/> (created on first use).
    /// </summary>
    public static DatabaseTarget Resolve(string? value, string defaultDataDirectory) => throw new NotImplementedException();

    /// <summary>The target for logs and messages, with any password removed.</summary>
    public string Describe() => throw new NotImplementedException();
}
