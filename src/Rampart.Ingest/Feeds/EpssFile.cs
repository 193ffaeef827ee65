using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Rampart.Core.Feeds;

namespace Rampart.Ingest.Feeds;

/// <summary>An open EPSS daily file: its model version and score date, then its rows, read once.</summary>
public sealed partial class EpssFile : IDisposable
{
    /// <summary>More rows than this is not an EPSS day (about 300,000 CVEs are scored in 2026); it bounds a hostile file.</summary>
    public const int MaxRows = 2_000_000;

    private const int MaxLineLength = 1024;

    private readonly StreamReader _text;
    private readonly BoundedLineReader _lines;
    private bool _read;

    internal EpssFile(StreamReader text, string fileName)
    {
        _text = text;
        _lines = new BoundedLineReader(text, MaxLineLength);
        FileName = fileName;
    }

    public string FileName { get; }

    /// <summary>The model that scored the day, e.g. "v2025.03.14".</summary>
    public string ModelVersion { get; private set; } = "";

    /// <summary>The day as written in score_date (the calendar date, whatever the time of day or offset).</summary>
    public DateOnly ScoreDate { get; private set; }

    /// <summary>Rows read so far.</summary>
    public int Rows { get; private set; }

    internal async Task ReadPreambleAsync(CancellationToken cancellationToken)
    {
        var comment = await NextLineAsync(cancellationToken)
            ?? throw Invalid("the file is empty; an EPSS file starts with its #model_version comment line");
        ReadComment(comment.Span.Trim());

        var header = await NextLineAsync(cancellationToken) ?? throw Invalid("the file ends before the header line cve,epss,percentile");
        if (!header.Span.Trim().Equals("cve,epss,percentile", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"the header is \"{Shown(header.Span)}\"; an EPSS file has the columns cve,epss,percentile");
        }
    }

    /// <summary>The rows in file order; a CVE appearing twice, a bad id or a score outside [0, 1] is an error naming the line.</summary>
    /// <exception cref="ReportFormatException">A row, the compression or the encoding is bad.</exception>
    public async IAsyncEnumerable<EpssScore> ReadScoresAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_read)
        {
            throw new InvalidOperationException("The rows of an EPSS file can be read once.");
        }

        _read = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (await NextLineAsync(cancellationToken) is { } line)
        {
            if (line.Span.IsWhiteSpace())
            {
                continue;
            }

            var score = ReadRow(line.Span);
            if (!seen.Add(score.Cve))
            {
                throw Invalid($"{score.Cve} appears twice in the file");
            }

            if (++Rows > MaxRows)
            {
                throw Invalid($"the file has more than {MaxRows:N0} rows; an EPSS day has about 300,000");
            }

            yield return score;
        }

        if (Rows == 0)
        {
            throw Invalid("the file has a header but no scores");
        }
    }

    public void Dispose() => _text.Dispose();

    private EpssScore ReadRow(ReadOnlySpan<char> line)
    {
        var first = line.IndexOf(',');
        var second = first < 0 ? -1 : line[(first + 1)..].IndexOf(',');
        if (second < 0 || line[(first + second + 2)..].Contains(','))
        {
            throw Invalid($"expected three values cve,epss,percentile, found \"{Shown(line)}\"");
        }

        var id = line[..first].Trim();
        if (!CvePattern().IsMatch(id))
        {
            throw Invalid($"\"{Shown(id)}\" is not a CVE id (CVE-YYYY-NNNN)");
        }

        return new EpssScore
        {
            ScoreDate = ScoreDate,
            Cve = id.ToString().ToUpperInvariant(),
            Epss = Probability(line.Slice(first + 1, second), "epss"),
            Percentile = Probability(line[(first + second + 2)..], "percentile"),
        };
    }

    private double Probability(ReadOnlySpan<char> text, string column)
    {
        var trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value is < 0 or > 1)
        {
            throw Invalid($"{column} \"{Shown(trimmed)}\" is not a number from 0 to 1");
        }

        return value;
    }

    /// <summary>Reads "#model_version:…,score_date:…"; other keys are ignored, both of these are required.</summary>
    private void ReadComment(ReadOnlySpan<char> comment)
    {
        if (!comment.StartsWith('#'))
        {
            throw Invalid("line 1 is not the comment line #model_version:…,score_date:… that names the day (files without it are refused: the score date cannot be known)");
        }

        string? model = null;
        string? date = null;
        foreach (var range in comment[1..].Split(','))
        {
            var part = comment[1..][range];
            var colon = part.IndexOf(':');
            var key = colon < 0 ? part.Trim() : part[..colon].Trim();
            var value = colon < 0 ? "" : part[(colon + 1)..].Trim();
            if (key.Equals("model_version", StringComparison.OrdinalIgnoreCase))
            {
                model = value.ToString();
            }
            else if (key.Equals("score_date", StringComparison.OrdinalIgnoreCase))
            {
                date = value.ToString();
            }
        }

        if (model is null || !ModelPattern().IsMatch(model))
        {
            throw Invalid(model is null ? "the comment line has no model_version" : $"model_version \"{Shown(model)}\" is not a version (e.g. v2025.03.14)");
        }

        var match = date is null ? Match.Empty : ScoreDatePattern().Match(date);
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw Invalid(date is null ? "the comment line has no score_date" : $"score_date \"{Shown(date)}\" is not a date (e.g. 2025-03-14T00:00:00Z)");
        }

        ModelVersion = model;
        ScoreDate = day;
    }

    /// <summary>The next line, or null at the end; decoding, decompression and line-length errors name the line.</summary>
    private async ValueTask<ReadOnlyMemory<char>?> NextLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Typed null: a bare null would convert to an empty ReadOnlyMemory (through char[]) and never end the file.
            return await _lines.ReadAsync(cancellationToken) ? _lines.Current : (ReadOnlyMemory<char>?)null;
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("the file is not valid UTF-8", _lines.LineNumber + 1);
        }
        catch (InvalidDataException ex)
        {
            throw Invalid(ex.Message, _lines.LineNumber + 1);
        }
    }

    private ReportFormatException Invalid(string reason, long? line = null) => new(FileName, reason, line ?? _lines.LineNumber);

    /// <summary>Hostile text in messages: at most 60 characters, control characters shown as '?'.</summary>
    private static string Shown(ReadOnlySpan<char> text)
    {
        var clipped = text.Length > 60 ? text[..60] : text;
        var builder = new StringBuilder(clipped.Length + 1);
        foreach (var c in clipped)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return text.Length > 60 ? builder.Append('…').ToString() : builder.ToString();
    }

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,19}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CvePattern();

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelPattern();

    // score_date: "2025-02-20T00:00:00+0000" or "2026-09-29T12:00:22Z" in the corpus; a bare date is accepted too.
    [GeneratedRegex(@"^(?<day>[0-9]{4}-[0-9]{2}-[0-9]{2})(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ScoreDatePattern();
}
