using System.Runtime.CompilerServices;
using CsvHelper;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Generic;

/// <summary>
/// Streams Rampart's generic CSV report (docs/formats/generic.md): RFC 4180, comma-separated, UTF-8, a header row
/// naming the columns in any order and any case, then one finding per row. Unknown columns are errors so that a
/// misspelt column is not silently lost; quoting errors and rows with another number of cells are errors too.
/// </summary>
internal static class GenericCsvReport
{
    /// <summary>A row larger than this is refused, which bounds memory on hostile input (an unclosed quote).</summary>
    public const int MaxRowBytes = 16 * 1024 * 1024;

    private static readonly string[] Columns =
    [
        "tool", "title", "severity", "kind", "description", "rule_id", "ids", "cwes", "tags", "component_name",
        "component_version", "purl", "fixed_version", "path", "line", "cvss", "fingerprint", "suppressed", "message",
    ];

    private static readonly string[] RequiredColumns = ["tool", "title", "severity"];

    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRowBytes,
        };

        var csv = CsvReader.Create(input.Content, options, leaveOpen: true);
        await using (csv)
        {
            string?[] names;
            try
            {
                await csv.ReadHeaderAsync(cancellationToken);
                names = ReadHeader(input, csv);
            }
            catch (CsvFormatException ex)
            {
                throw Invalid(input, ex);
            }

            string? tool = null;
            while (true)
            {
                bool more;
                try
                {
                    more = await csv.ReadAsync(cancellationToken);
                }
                catch (CsvFormatException ex)
                {
                    throw Invalid(input, ex);
                }

                if (!more)
                {
                    break;
                }

                var line = csv.LineNumber;
                if (Utf8Check.FindInvalid(csv.RawRecord) is var invalid and >= 0)
                {
                    throw input.Invalid("the file is not valid UTF-8", line, csv.ByteOffset + invalid);
                }

                ReportedFinding finding;
                try
                {
                    finding = ReadRow(csv, names, ref tool);
                }
                catch (InvalidDataException ex)
                {
                    throw input.Invalid(ex.Message, line, csv.ByteOffset);
                }

                metadata.Tool ??= tool;
                yield return finding;
            }
        }
    }

    /// <summary>Column names trimmed and lower-cased, one per cell of the header; checks that they are known, unique and complete.</summary>
    private static string?[] ReadHeader(ReportInput input, CsvReader csv)
    {
        if (csv.Headers.Count == 0)
        {
            throw input.Invalid("the file is empty; a generic CSV report needs at least its header row (tool,title,severity)");
        }

        var names = new string?[csv.Headers.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var name = csv.Headers[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                throw input.Invalid($"column {i + 1} of the header has no name", 1);
            }

            if (!Columns.Contains(name, StringComparer.Ordinal))
            {
                throw input.Invalid($"unknown column \"{ScannerText.Short(csv.Headers[i])}\" (the columns are {string.Join(", ", Columns)})", 1);
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw input.Invalid($"the column \"{name}\" appears twice in the header", 1);
            }

            names[i] = name;
        }

        foreach (var required in RequiredColumns)
        {
            if (!names.Contains(required, StringComparer.Ordinal))
            {
                throw input.Invalid($"the header has no \"{required}\" column (required: {string.Join(", ", RequiredColumns)})", 1);
            }
        }

        return names;
    }

    private static ReportedFinding ReadRow(CsvReader csv, string?[] names, ref string? tool)
    {
        var finding = new GenericFinding();
        string? rowTool = null;
        for (var i = 0; i < names.Length; i++)
        {
            var value = csv.GetString(i);
            switch (names[i])
            {
                case "tool":
                    rowTool = ScannerText.Short(value);
                    break;
                case "title":
                    finding.SetTitle(value);
                    break;
                case "severity":
                    finding.SetSeverity(value);
                    break;
                case "kind":
                    finding.SetKind(value);
                    break;
                case "description":
                    finding.Description = value;
                    break;
                case "rule_id":
                    finding.RuleId = value;
                    break;
                case "ids":
                    Each(value, finding.AddId);
                    break;
                case "cwes":
                    Each(value, finding.AddCwe);
                    break;
                case "tags":
                    Each(value, finding.AddTag);
                    break;
                case "cvss":
                    Each(value, finding.AddCvss);
                    break;
                case "component_name":
                    finding.ComponentName = value;
                    break;
                case "component_version":
                    finding.ComponentVersion = value;
                    break;
                case "purl":
                    finding.Purl = value;
                    break;
                case "fixed_version":
                    finding.FixedVersion = value;
                    break;
                case "path":
                    finding.Path = value;
                    break;
                case "line":
                    finding.SetLine(value);
                    break;
                case "fingerprint":
                    finding.Fingerprint = value;
                    break;
                case "suppressed":
                    finding.Suppressed = GenericFinding.ParseBoolean(value, "suppressed");
                    break;
                case "message":
                    finding.Message = value;
                    break;
            }
        }

        if (rowTool is null)
        {
            throw new InvalidDataException("tool is required");
        }

        // One file is one scan by one tool: reconciliation closes the findings of that tool only.
        if (tool is not null && !string.Equals(tool, rowTool, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"tool \"{rowTool}\" differs from \"{tool}\" in the first row; one file holds the findings of one tool");
        }

        tool ??= rowTool;
        return finding.Build(tool);
    }

    private static void Each(string? cell, Action<string?> add)
    {
        foreach (var item in GenericFinding.SplitList(cell))
        {
            add(item);
        }
    }

    private static ReportFormatException Invalid(ReportInput input, CsvFormatException ex) =>
        new(input.FileName, "invalid CSV (RFC 4180): " + ex.Message, ex.LineNumber > 0 ? ex.LineNumber : null, ex.ByteOffset > 0 ? ex.ByteOffset : null, ex);
}
