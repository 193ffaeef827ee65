using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Testing;

namespace Rampart.Ingest.Tests;

/// <summary>Reads reports the way the import use case does: detect, then stream every finding.</summary>
internal static class ReportFile
{
    public static async Task<ReadOutcome> ReadCorpusAsync(string relativePath, ReportFormat format = ReportFormat.Auto)
    {
        var path = Corpus.File(relativePath);
        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream, Path.GetFileName(path), format);
    }

    public static async Task<ReadOutcome> ReadAsync(Stream stream, string fileName, ReportFormat format = ReportFormat.Auto)
    {
        var metadata = new ReportMetadata();
        var findings = new List<ReportedFinding>();
        await foreach (var finding in ReportReaders.ReadAsync(stream, fileName, format, metadata, TestContext.Current.CancellationToken))
        {
            findings.Add(finding);
        }

        return new ReadOutcome(findings, metadata);
    }

    public static Task<ReadOutcome> ReadBytesAsync(byte[] content, string fileName, ReportFormat format = ReportFormat.Auto) =>
        ReadAsync(new MemoryStream(content), fileName, format);

    public static ReportFormat DetectCorpus(string relativePath)
    {
        var path = Corpus.File(relativePath);
        using var stream = File.OpenRead(path);
        return ReportReaders.Detect(stream, Path.GetFileName(path));
    }

    /// <summary>Severity → count, for comparing against counts computed independently with jq.</summary>
    public static Dictionary<Severity, int> SeverityCounts(this IEnumerable<ReportedFinding> findings) =>
        findings.GroupBy(f => f.ToolSeverity).ToDictionary(g => g.Key, g => g.Count());
}

internal sealed record ReadOutcome(IReadOnlyList<ReportedFinding> Findings, ReportMetadata Metadata);
