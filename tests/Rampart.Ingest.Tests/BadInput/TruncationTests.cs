using Rampart.Core.Findings;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.BadInput;

/// <summary>A report cut anywhere (an interrupted download or upload) is an error naming the file and the last line that arrived.</summary>
public sealed class TruncationTests
{
    public static TheoryData<string, double> Cuts
    {
        get
        {
            var data = new TheoryData<string, double>();
            foreach (var file in new[] { "sarif/codeql-2.20.4_javascript.sarif", "sarif/gosec.sarif", "trivy/schema2_fs_vulns_misconfigs_secrets.json", "trivy/legacy_image_many_vulns.json" })
            {
                foreach (var fraction in new[] { 0.001, 0.1, 0.37, 0.5, 0.83, 0.999 })
                {
                    data.Add(file, fraction);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task ReadAsync_ReportCutShort_ThrowsNamingFileAndLine(string file, double fraction)
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File(file), TestContext.Current.CancellationToken);
        var cut = bytes[..Math.Max(1, (int)(bytes.Length * fraction))];
        var lines = cut.Count(b => b == (byte)'\n') + 1;

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(cut, "cut.json", Format(file)));

        Assert.StartsWith($"cut.json:{lines} ", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid JSON: ", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task ReadAsync_ReportCutShortAndDetected_ThrowsNamingFile(string file, double fraction)
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File(file), TestContext.Current.CancellationToken);
        var cut = bytes[..Math.Max(1, (int)(bytes.Length * fraction))];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(cut, "cut.json"));

        Assert.StartsWith("cut.json", error.Message, StringComparison.Ordinal);
    }

    private static ReportFormat Format(string file) => file.StartsWith("sarif/", StringComparison.Ordinal) ? ReportFormat.Sarif : ReportFormat.Trivy;
}
