using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Osv;

namespace Rampart.Ingest.Formats.Osv;

/// <summary>
/// Streams OSV records from a path: one JSON file (a record, or an array of records), a folder of <c>*.json</c>
/// files (recursively, in name order), or a zip as osv.dev publishes per ecosystem (<c>&lt;Ecosystem&gt;/all.zip</c>,
/// one record per entry). A zip is recognised by its content (the "PK\x03\x04" signature), not its name. One record
/// is in memory at a time; an entry or file larger than <see cref="MaxRecordBytes"/> is refused.
/// </summary>
/// <remarks>
/// A bad record throws <see cref="ReportFormatException"/> naming the file (and zip entry) and the line and byte, or
/// the JSON path of the fault. Callers treat the whole path as one load: the project's rule is that a bad file
/// changes nothing, and a zip or a folder is one file to the person who gave it.
/// </remarks>
public static class OsvRecordSource
{
    /// <summary>The largest record accepted (osv.dev's largest records, kernel CVEs with thousands of ranges, are a few MiB).</summary>
    public const long MaxRecordBytes = 32L << 20;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <param name="path">A file, a folder or a zip.</param>
    /// <exception cref="ReportFormatException">A record cannot be read; <see cref="ReportFormatException.FileName"/> says which.</exception>
    public static async IAsyncEnumerable<OsvRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                await foreach (var record in ReadFileAsync(file, cancellationToken))
                {
                    yield return record;
                }
            }

            yield break;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder.", path);
        }

        await foreach (var record in ReadFileAsync(path, cancellationToken))
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<OsvRecord> ReadFileAsync(string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (await IsZipAsync(stream, cancellationToken))
        {
            await using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                var origin = $"{name}!{entry.FullName}";
                if (entry.Length > MaxRecordBytes)
                {
                    throw new ReportFormatException(origin, $"the entry is {entry.Length} bytes; records over {MaxRecordBytes} bytes are refused");
                }

                await using var content = await entry.OpenAsync(cancellationToken);
                foreach (var record in await ParseAsync(content, origin, cancellationToken))
                {
                    yield return record;
                }
            }

            yield break;
        }

        if (stream.Length > MaxRecordBytes)
        {
            throw new ReportFormatException(name, $"the file is {stream.Length} bytes; a JSON file of records over {MaxRecordBytes} bytes is refused (zip large sets)");
        }

        foreach (var record in await ParseAsync(stream, name, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Parses one JSON document: a record, or an array of records (as osv.dev's API lists them).</summary>
    public static async Task<IReadOnlyList<OsvRecord>> ParseAsync(Stream json, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, Options, cancellationToken);
        }
        catch (JsonException error)
        {
            throw new ReportFormatException(origin, "not valid JSON: " + FirstSentence(error.Message), error.LineNumber + 1, error.BytePositionInLine, error);
        }
        catch (InvalidDataException error)
        {
            throw new ReportFormatException(origin, "the zip entry cannot be decompressed: " + error.Message, inner: error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return [OsvRecordParser.Parse(root, origin)];
            }

            var records = new List<OsvRecord>(root.GetArrayLength());
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                records.Add(OsvRecordParser.Parse(item, $"{origin} [{index++}]"));
            }

            return records;
        }
    }

    private static async Task<bool> IsZipAsync(Stream stream, CancellationToken cancellationToken)
    {
        var signature = new byte[4];
        var read = await stream.ReadAtLeastAsync(signature, 4, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        return read == 4 && signature is [0x50, 0x4B, 0x03, 0x04];
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
