using System.Text;
using Rampart.Core.Feeds;

namespace Rampart.Ingest.Feeds;

/// <summary>
/// Opens a FIRST EPSS daily file (https://www.first.org/epss/data_stats): plain CSV or gzip, told apart by the gzip
/// magic bytes 1F 8B (RFC 1952 §2.3.1), never by the name. Line 1 is the comment
/// <c>#model_version:v2025.03.14,score_date:2025-03-14T00:00:00Z</c> (the "+0000" offset style is seen too), line 2
/// the header <c>cve,epss,percentile</c>, then one row per CVE. The file is streamed; nothing holds it whole.
/// </summary>
/// <remarks>
/// A file without the comment line is refused: the score date is what identifies a day of scores, and guessing it
/// from the file name or the clock would file a day under the wrong date. (FIRST's files have carried the line since
/// EPSS v2, February 2022; the earlier v1 layout "cve,epss" had no percentile either.)
/// </remarks>
public static class EpssCsvReader
{
    /// <summary>Gzip's magic bytes (RFC 1952 §2.3.1).</summary>
    private static readonly byte[] GzipMagic = [0x1F, 0x8B];

    /// <summary>Opens <paramref name="content"/> and reads its comment and header lines.</summary>
    /// <exception cref="ReportFormatException">The file is not an EPSS daily file; the message names the file and line.</exception>
    public static async Task<EpssFile> OpenAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var prefix = new byte[2];
        var got = 0;
        while (got < prefix.Length && await content.ReadAsync(prefix.AsMemory(got), cancellationToken) is var read and > 0)
        {
            got += read;
        }

        if (got == 0)
        {
            throw new ReportFormatException(fileName, "the file is empty; an EPSS file starts with its #model_version comment line", 1);
        }

        var replayed = new Json.PrefixedStream(prefix, got, content);
        Stream text = got == 2 && prefix.AsSpan().SequenceEqual(GzipMagic) ? new CheckedGzipStream(replayed) : replayed;
        var reader = new StreamReader(text, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var file = new EpssFile(reader, fileName);
        try
        {
            await file.ReadPreambleAsync(cancellationToken);
            return file;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }
}
