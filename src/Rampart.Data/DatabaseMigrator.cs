namespace Rampart.Data;

/// <summary>Applies the provider's migrations (creating the SQLite file and folder on first use).</summary>
public static class DatabaseMigrator
{
    public static Task MigrateAsync(RampartDbContext db, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
