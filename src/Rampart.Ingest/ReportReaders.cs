using System.Runtime.CompilerServices;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Formats;
using Rampart.Ingest.Json;

namespace Rampart.Ingest;

/// <summary>Entry point of the ingest stage: detects a report's format and streams its results.</summary>
public static class ReportReaders
{
    /// <summary>Detects the format from the content (not the file name). The stream must be seekable; it is rewound.</summary>
    /// <exception cref="ReportFormatException">The content is empty or no supported format matches.</exception>
    public static ReportFormat Detect(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!content.CanSeek)
        {
            throw new ArgumentException("Detection needs a seekable stream; ReadAsync with ReportFormat.Auto works on any stream.", nameof(content));
        }

        var origin = content.Position;
        try
        {
            var prefix = new byte[JsonTokenStream.PrefetchLength];
            var length = 0;
            int read;
            while (length < prefix.Length && (read = content.Read(prefix, length, prefix.Length - length)) > 0)
            {
                length += read;
            }

            var isWholeFile = length < prefix.Length || content.ReadByte() == -1;
            return FormatDetector.Detect(prefix.AsSpan(0, length), isWholeFile, fileName);
        }
        finally
        {
            content.Position = origin;
        }
    }

    /// <summary>
    /// Streams the results of a report. <paramref name="metadata"/> is filled in as the reader learns the tool,
    /// version and scan date. Memory use is bounded by one result, not by the file.
    /// </summary>
    /// <remarks>
    /// Errors surface while enumerating: a report that turns out to be malformed part-way throws
    /// <see cref="ReportFormatException"/> after the results before the fault were yielded, so callers must treat
    /// the import as failed (and roll back) when enumeration throws.
    /// </remarks>
    /// <exception cref="ReportFormatException">The content is not a valid report of <paramref name="format"/>.</exception>
    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        Stream content, string fileName, ReportFormat format, ReportMetadata metadata,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(metadata);

        var prefix = new byte[JsonTokenStream.PrefetchLength];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = await content.ReadAsync(prefix.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (format == ReportFormat.Auto)
        {
            // Detect from the buffered beginning, then replay it: the stream is read once and need not be seekable.
            var isWholeFile = length < prefix.Length;
            format = FormatDetector.Detect(prefix.AsSpan(0, length), isWholeFile, fileName);
        }

        metadata.Format = format;
        var input = new ReportInput(new PrefixedStream(prefix, length, content), fileName);
        var findings = FormatCatalog.Read(format, input, metadata, cancellationToken);

        await foreach (var finding in findings)
        {
            yield return finding;
        }
    }
}
