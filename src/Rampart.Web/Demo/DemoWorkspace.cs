using System.Globalization;
using System.Text.Json;
using Rampart.Services.Findings;
using Rampart.Services.Imports;

namespace Rampart.Web.Demo;

/// <summary>One report of the demo workspace, as listed in demo.json.</summary>
public sealed record DemoReport(string File, string Asset, string? ScanDate);

/// <summary>
/// Loads the demo workspace: every report listed in <c>demo.json</c> (<c>[{"file","asset","scanDate"}]</c>, in order)
/// whose asset is not in the database yet, so restarting with <c>--demo</c> does not import twice.
/// </summary>
public sealed class DemoWorkspace(IServiceScopeFactory scopes, FindingQueries queries, ILogger<DemoWorkspace> logger)
{
    public const string ManifestName = "demo.json";

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    /// <returns>The imports done (none when every asset was already there).</returns>
    public async Task<IReadOnlyList<ImportResult>> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var manifestPath = Path.Combine(directory, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"The demo workspace needs {manifestPath}, which does not exist.", manifestPath);
        }

        List<DemoReport> reports;
        await using (var manifest = File.OpenRead(manifestPath))
        {
            reports = await JsonSerializer.DeserializeAsync<List<DemoReport>>(manifest, ManifestJson, cancellationToken)
                ?? throw new InvalidDataException($"{manifestPath} is empty; it should list the demo reports.");
        }

        var existing = (await queries.ListAssetsAsync(cancellationToken)).Select(asset => asset.Name).ToHashSet(StringComparer.Ordinal);
        var results = new List<ImportResult>();
        foreach (var report in reports.Where(report => !existing.Contains(report.Asset)))
        {
            results.Add(await ImportAsync(directory, report, cancellationToken));
        }

        logger.LogInformation("Demo workspace: imported {Count} of {Listed} reports from {Directory}", results.Count, reports.Count, directory);
        return results;
    }

    private async Task<ImportResult> ImportAsync(string directory, DemoReport report, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(directory, report.File));
        DateTimeOffset? scanDate = report.ScanDate is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;

        // One scope per import: each import is its own unit of work with a fresh DbContext.
        await using var scope = scopes.CreateAsyncScope();
        await using var content = File.OpenRead(path);
        var request = new ImportRequest(report.Asset, content, Path.GetFileName(path), ScanDate: scanDate, ImportedBy: "demo");
        return await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(request, cancellationToken: cancellationToken);
    }
}
