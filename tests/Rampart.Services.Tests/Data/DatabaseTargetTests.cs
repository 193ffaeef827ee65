using Rampart.Data;

namespace Rampart.Services.Tests.Data;

public sealed class DatabaseTargetTests
{
    [Theory]
    [InlineData("Host=db;Database=rampart;Username=r;Password=secret")]
    [InlineData("host=db;Database=rampart")]
    [InlineData("  HOST=db  ")]
    public void Resolve_HostPrefix_IsPostgres(string value) =>
        Assert.Equal(DatabaseProvider.Postgres, DatabaseTarget.Resolve(value, "/data").Provider);

    [Fact]
    public void Resolve_DataSourceString_IsSqliteAsGiven()
    {
        var target = DatabaseTarget.Resolve("Data Source=/tmp/x.db;Cache=Shared", "/data");

        Assert.Equal(new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=/tmp/x.db;Cache=Shared"), target);
    }

    [Fact]
    public void Resolve_PlainPath_IsSqliteFileWithFullPath()
    {
        var target = DatabaseTarget.Resolve("some/dir/rampart.sqlite", "/data");

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal(Path.GetFullPath("some/dir/rampart.sqlite"), target.SqliteFilePath);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_Nothing_IsRampartDbInDataFolder(string? value)
    {
        var target = DatabaseTarget.Resolve(value, "/var/lib/rampart");

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal("/var/lib/rampart/rampart.db", target.SqliteFilePath);
    }

    [Fact]
    public void Describe_Postgres_HidesPassword()
    {
        var described = DatabaseTarget.Resolve("Host=db;Database=rampart;Username=r;Password=hunter2", "/data").Describe();

        Assert.DoesNotContain("hunter2", described, StringComparison.Ordinal);
        Assert.Contains("db", described, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Sqlite_NamesTheFile() =>
        Assert.Equal("SQLite (/var/lib/rampart/rampart.db)", DatabaseTarget.Resolve(null, "/var/lib/rampart").Describe());
}
