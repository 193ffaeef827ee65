using Microsoft.EntityFrameworkCore.Design;

namespace Rampart.Data.Postgres;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL; adding a migration does not connect to this server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<RampartDbContext>
{
    public RampartDbContext CreateDbContext(string[] args) =>
        new(RampartDatabase.Options(new DatabaseTarget(DatabaseProvider.Postgres, "Host=localhost;Database=rampart;Username=rampart")));
}
