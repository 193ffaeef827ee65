using CsvHelper;
using Rampart.Core.Feeds;

namespace Rampart.Ingest.Feeds;

/// <summary>
/// The CSV edition of the catalog (known_exploited_vulnerabilities.csv): RFC 4180, a header with the JSON's field
/// names, <c>cwes</c> as "CWE-59, CWE-436". It carries no catalogVersion; CISA numbers versions by release day, so the
/// version is taken as the latest dateAdded (yyyy.MM.dd) — the corpus CSV gives 2025.08.25, as its JSON twin says.
/// </summary>
internal static class KevCsvReader
{
    public static async Task<KevCatalog> ReadAsync(ReadOnlyMemory<byte> bytes, string fileName, CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            TrackLineNumbers = true,
            MaxRecordSize = 1024 * 1024,
        };
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        var csv = CsvReader.Create(stream, options, leaveOpen: true);
        await using (csv)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            try
            {
                await csv.ReadHeaderAsync(cancellationToken);
                for (var i = 0; i < csv.Headers.Count; i++)
                {
                    columns.TryAdd(csv.Headers[i].Trim(), i);
                }

                if (KevFields.Required.FirstOrDefault(name => !columns.ContainsKey(name)) is { } missing)
                {
                    throw new ReportFormatException(fileName, $"the header has no {missing} column (the KEV CSV columns are {string.Join(",", KevFields.Required)},…)", 1);
                }

                var entries = new List<KevEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (await csv.ReadAsync(cancellationToken))
                {
                    var line = csv.LineNumber;
                    var entry = KevEntryFields.FromCsv(name => columns.TryGetValue(name, out var index) ? csv.GetString(index) : null, fileName, line);
                    if (!seen.Add(entry.CveId))
                    {
                        throw new ReportFormatException(fileName, $"{entry.CveId} is listed twice", line);
                    }

                    entries.Add(entry);
                }

                if (entries.Count == 0)
                {
                    throw new ReportFormatException(fileName, "the catalog has a header but no entries");
                }

                return new KevCatalog(KevFields.VersionOf(entries.Max(e => e.DateAdded)), null, entries, "csv");
            }
            catch (CsvFormatException ex)
            {
                throw new ReportFormatException(fileName, "invalid CSV (RFC 4180): " + ex.Message, ex.LineNumber > 0 ? ex.LineNumber : null, inner: ex);
            }
        }
    }
}
