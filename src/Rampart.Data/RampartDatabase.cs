using Microsoft.EntityFrameworkCore;

namespace Rampart.Data;

/// <summary>
/// How a <see cref="RampartDbContext"/> connects to a <see cref="DatabaseTarget"/>: the one place that knows both
/// providers, their migrations assemblies and the SQLite connection settings. Used at runtime, at design time
/// (dotnet ef) and by tests.
/// </summary>
public static class RampartDatabase
{
    public const string SqliteMigrationsAssembly = "Rampart.Data.Sqlite";

    public const string PostgresMigrationsAssembly = "Rampart.Data.Postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(target);
        return target.Provider switch
        {
            DatabaseProvider.Sqlite => builder
                .UseSqlite(target.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqlitePragmaInterceptor.Instance),
            DatabaseProvider.Postgres => builder
                .UseNpgsql(target.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Provider, "Unknown database provider."),
        };
    }

    /// <summary>Options for a context outside dependency injection (tools, tests).</summary>
    public static DbContextOptions<RampartDbContext> Options(DatabaseTarget target)
    {
        var builder = new DbContextOptionsBuilder<RampartDbContext>();
        Configure(builder, target);
        return builder.Options;
    }
}
