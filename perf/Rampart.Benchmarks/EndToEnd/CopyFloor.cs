using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// The floor issue 3 compares the PostgreSQL import with: the time PostgreSQL's own binary COPY takes to load the
/// same rows (the perf asset's findings and observations, exported with COPY TO) into empty tables of the same
/// definition (LIKE … INCLUDING ALL: same indexes, defaults and generated column), in one transaction.
/// </summary>
internal static class CopyFloor
{
    public static async Task MeasureAsync(string connectionString, TimeSpan firstImport)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var findings = Path.GetTempFileName();
        var observations = Path.GetTempFileName();
        try
        {
            var findingColumns = await ColumnsAsync(connection, "Findings");
            var observationColumns = await ColumnsAsync(connection, "Observations");
            const string PerfFindings = """SELECT "Id" FROM "Findings" WHERE "AssetId" = (SELECT "Id" FROM "Assets" WHERE "Name" = 'perf-asset')""";
            await ExportAsync(connection, $"""COPY (SELECT {findingColumns} FROM "Findings" WHERE "Id" IN ({PerfFindings})) TO STDOUT (FORMAT BINARY)""", findings);
            await ExportAsync(connection, $"""COPY (SELECT {observationColumns} FROM "Observations" WHERE "FindingId" IN ({PerfFindings})) TO STDOUT (FORMAT BINARY)""", observations);

            await ExecuteAsync(connection, """
                DROP TABLE IF EXISTS floor_findings; DROP TABLE IF EXISTS floor_observations;
                CREATE TABLE floor_findings (LIKE "Findings" INCLUDING ALL);
                CREATE TABLE floor_observations (LIKE "Observations" INCLUDING ALL);
                """);
            var watch = Stopwatch.StartNew();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await ImportAsync(connection, $"COPY floor_findings ({findingColumns}) FROM STDIN (FORMAT BINARY)", findings);
                await ImportAsync(connection, $"COPY floor_observations ({observationColumns}) FROM STDIN (FORMAT BINARY)", observations);
                await transaction.CommitAsync();
            }

            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"COPY floor (findings {new FileInfo(findings).Length / 1048576.0:F0} MiB + observations {new FileInfo(observations).Length / 1048576.0:F0} MiB, binary): {watch.Elapsed.TotalSeconds:F1} s; first import / floor = {firstImport / watch.Elapsed:F2}x"));
            await ExecuteAsync(connection, "DROP TABLE floor_findings; DROP TABLE floor_observations;");
        }
        finally
        {
            File.Delete(findings);
            File.Delete(observations);
        }
    }

    private static async Task<string> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = @t AND is_generated = 'NEVER'",
            connection);
        command.Parameters.AddWithValue("t", table);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExportAsync(NpgsqlConnection connection, string copy, string path)
    {
        await using var source = await connection.BeginRawBinaryCopyAsync(copy);
        await using var target = File.Create(path);
        await source.CopyToAsync(target);
    }

    private static async Task ImportAsync(NpgsqlConnection connection, string copy, string path)
    {
        await using var target = await connection.BeginRawBinaryCopyAsync(copy);
        await using var source = File.OpenRead(path);
        await source.CopyToAsync(target);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
