namespace Rampart.Testing;

public static class TestEnvironment
{
    /// <summary>True under CI (CI=true), where nothing that needs PostgreSQL, Chromium or the corpus may be skipped.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Admin connection string of a PostgreSQL server the tests may create databases on (RAMPART_TEST_PG),
    /// e.g. "Host=127.0.0.1;Port=5432;Username=rampart;Password=rampart;Database=postgres". The test script sets it.
    /// </summary>
    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable("RAMPART_TEST_PG") is { Length: > 0 } value ? value : null;
}
