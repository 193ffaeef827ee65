using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Ssvc;
using Rampart.Data;
using Rampart.Services.Imports.Bulk;

namespace Rampart.Services.Prioritization;

/// <summary>Reads open findings a page at a time in id order (keyset), with only the columns a decision needs.</summary>
internal static class OpenFindingPage
{
    public static async Task<List<OpenFindingRow>> ReadAsync(
        RampartDbContext db, BulkStore store, IReadOnlyCollection<long>? assetIds, long after, int size, CancellationToken cancellationToken)
    {
        // Asset ids are numbers from the database, so writing them into the text is safe and keeps one statement shape.
        var scope = assetIds is null ? "" : assetIds.Count == 0
            ? " AND 1 = 0"
            : $""" AND "AssetId" IN ({string.Join(", ", assetIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))})""";
        // SQLite would take an index on status and then read and sort every open row for each page; ("Status" || '')
        // keeps it on the primary key, in order. PostgreSQL's planner walks the primary key itself (its statistics
        // know most rows are open) but cannot estimate the expression and would scan and sort the table instead.
        var status = db.Database.IsNpgsql() ? "\"Status\"" : "(\"Status\" || '')";
        var sql =
            $"""
            SELECT "Id", "AssetId", "Kind", "VulnerabilityIds", "CvssVectors", "ToolSeverity", "AttackSuccessRate", "ComputedPriority",
                "Priority", "PriorityOverride", "Ssvc", "Exploitation", "Severity", "CvssScore", "FirstSeen", "DueDate"
            FROM "Findings"
            WHERE "Id" > @p0 AND {status} = @p1{scope}
            ORDER BY "Id"
            LIMIT {size.ToString(CultureInfo.InvariantCulture)}
            """;
        var rows = new List<OpenFindingRow>(size);
        var text = new Dictionary<string, string>(StringComparer.Ordinal); // many findings share ids and vectors
        await using var command = store.Command(sql, after, nameof(FindingStatus.Open));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OpenFindingRow(
                reader.GetInt64(0),
                reader.GetInt64(1),
                Enum.Parse<FindingKind>(reader.GetString(2)),
                Shared(text, reader.GetString(3)),
                Shared(text, reader.GetString(4)),
                Enum.Parse<Severity>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                PriorityOf(reader.GetString(7)),
                PriorityOf(reader.GetString(8)),
                reader.IsDBNull(9) ? null : PriorityOf(reader.GetString(9)),
                reader.IsDBNull(10) ? null : Enum.Parse<SsvcOutcome>(reader.GetString(10)),
                reader.IsDBNull(11) ? null : Enum.Parse<Exploitation>(reader.GetString(11)),
                Enum.Parse<Severity>(reader.GetString(12)),
                reader.IsDBNull(13) ? null : reader.GetDouble(13),
                BulkStore.ReadDate(reader, 14)!.Value,
                BulkStore.ReadDate(reader, 15)));
        }

        return rows;
    }

    /// <summary>Stored priorities are "P1"…"P4"; anything else (a row written before priorities were computed) reads as P4.</summary>
    public static Priority PriorityOf(string stored) => stored switch
    {
        "P1" => Priority.P1,
        "P2" => Priority.P2,
        "P3" => Priority.P3,
        _ => Priority.P4,
    };

    private static string Shared(Dictionary<string, string> seen, string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        if (seen.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (seen.Count < 100_000)
        {
            seen[value] = value;
        }

        return value;
    }
}
