using Microsoft.EntityFrameworkCore.Design;

namespace Rampart.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite; the file named here is never created by adding a migration.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<RampartDbContext>
{
    public RampartDbContext CreateDbContext(string[] args) =>
        new(RampartDatabase.Options(new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=rampart-design-time.db")));
}
