using Microsoft.EntityFrameworkCore;

namespace Rampart.Data;

/// <summary>Applies the provider's migrations (creating the SQLite file and folder on first use).</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(RampartDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString)
        {
            new DatabaseTarget(DatabaseProvider.Sqlite, connectionString).EnsureStorageFolder();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
