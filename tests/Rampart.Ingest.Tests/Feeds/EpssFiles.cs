using System.IO.Compression;
using System.Text;

namespace Rampart.Ingest.Tests.Feeds;

/// <summary>Small EPSS files written by the tests, in the real layout (comment line, header, rows).</summary>
internal static class EpssFiles
{
    public const string Comment = "#model_version:v2025.03.14,score_date:2025-03-14T00:00:00Z";

    public static byte[] Text(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static byte[] Rows(params string[] rows) => Text([Comment, "cve,epss,percentile", .. rows]);

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>Opens the file and reads every row, as the loader does.</summary>
    public static async Task<(EpssFileSummary Summary, List<Core.Feeds.EpssScore> Scores)> ReadAsync(byte[] content, string name)
    {
        await using var stream = new MemoryStream(content, writable: false);
        using var file = await Ingest.Feeds.EpssCsvReader.OpenAsync(stream, name, TestContext.Current.CancellationToken);
        var scores = new List<Core.Feeds.EpssScore>();
        await foreach (var score in file.ReadScoresAsync(TestContext.Current.CancellationToken))
        {
            scores.Add(score);
        }

        return (new EpssFileSummary(file.ModelVersion, file.ScoreDate, file.Rows), scores);
    }
}

internal sealed record EpssFileSummary(string ModelVersion, DateOnly ScoreDate, int Rows);
