using Npgsql;
using Rampart.Data;
using Xunit;

namespace Rampart.Testing;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new PostgreSQL database on the
/// server named by RAMPART_TEST_PG. Disposing removes it. Migrations are not applied here; callers apply them
/// through the product's own migrator so the tests exercise it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseTarget target, string? sqliteDirectory, string? postgresName)
    {
        Target = target;
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    /// <summary>Both providers, for theories: every data test runs on SQLite and PostgreSQL.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    public DatabaseTarget Target { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "rampart-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "rampart.db");
            return new TestDatabase(new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False"), directory, null);
        }

        var admin = TestEnvironment.PostgresAdminConnectionString;
        if (admin is null)
        {
            const string notice = "SKIPPED: PostgreSQL tests need RAMPART_TEST_PG (the README's test command sets it up).";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail("In CI PostgreSQL tests may not be skipped, but RAMPART_TEST_PG is not set.");
            }

            Assert.Skip(notice);
        }

        var name = "rampart_t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseTarget(DatabaseProvider.Postgres, builder.ConnectionString), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a pooled connection is left for the OS temp cleaner.
            }
        }

        if (_postgresName is not null && TestEnvironment.PostgresAdminConnectionString is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
