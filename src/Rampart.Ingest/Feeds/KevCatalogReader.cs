namespace Rampart.Ingest.Feeds;

/// <summary>
/// Reads CISA's Known Exploited Vulnerabilities catalog, JSON or CSV (told apart by the first character: a JSON
/// catalog is an object). The catalog is small (1,404 entries, 1.2 MB in August 2025), so it is read whole, up to
/// <see cref="MaxBytes"/>; every entry is validated before anything is returned.
/// </summary>
public static class KevCatalogReader
{
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <exception cref="ReportFormatException">The file is not a valid catalog; the message names the file and line.</exception>
    public static async Task<KevCatalog> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ReportFormatException(fileName, $"the file is larger than {MaxBytes / (1024 * 1024)} MiB; the KEV catalog is about 1.5 MB");
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var start = bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var first = bytes.Span[start..].IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            throw new ReportFormatException(fileName, "the file is empty", 1);
        }

        return bytes.Span[start + first] == (byte)'{'
            ? KevJsonReader.Read(bytes[start..], fileName)
            : await KevCsvReader.ReadAsync(bytes[start..], fileName, cancellationToken);
    }
}
