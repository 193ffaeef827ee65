using Rampart.Core.Findings;
using Rampart.Core.Ingest;

namespace Rampart.Ingest;

/// <summary>Entry point of the ingest stage: detects a report's format and streams its results.</summary>
public static class ReportReaders
{
    /// <summary>Detects the format from the content (not the file name). The stream must be seekable; it is rewound.</summary>
    /// <exception cref="ReportFormatException">The content is empty or no supported format matches.</exception>
    public static ReportFormat Detect(Stream content, string fileName) => throw new NotImplementedException();

    /// <summary>
    /// Streams the results of a report. <paramref name="metadata"/> is filled in as the reader learns the tool,
    /// version and scan date. Memory use is bounded by one result, not by the file.
    /// </summary>
    /// <exception cref="ReportFormatException">The content is not a valid report of <paramref name="format"/>.</exception>
    public static IAsyncEnumerable<ReportedFinding> ReadAsync(
        Stream content, string fileName, ReportFormat format, ReportMetadata metadata, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
