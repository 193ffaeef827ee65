using Microsoft.EntityFrameworkCore;
using Rampart.Data;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Data;

public sealed class MigrationTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Model_HasNoChangesMissingFromMigrations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = new RampartDbContext(RampartDatabase.Options(database.Target));

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes no {provider} migration captures: run scripts/add-migration.sh <Name>.");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndIsRepeatable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = new RampartDbContext(RampartDatabase.Options(database.Target));

        await DatabaseMigrator.MigrateAsync(db, TestContext.Current.CancellationToken);
        await DatabaseMigrator.MigrateAsync(db, TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MigrateAsync_SqliteFileInMissingFolder_CreatesFolderAndFile()
    {
        var root = Path.Combine(Path.GetTempPath(), "rampart-tests", Guid.NewGuid().ToString("N"));
        var target = DatabaseTarget.Resolve(null, Path.Combine(root, "data", "nested"));
        try
        {
            await using (var db = new RampartDbContext(RampartDatabase.Options(target)))
            {
                await DatabaseMigrator.MigrateAsync(db, TestContext.Current.CancellationToken);
            }

            Assert.True(File.Exists(Path.Combine(root, "data", "nested", "rampart.db")), "the SQLite file should be created with its folders");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
