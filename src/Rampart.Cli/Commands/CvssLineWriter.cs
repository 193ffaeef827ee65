using System.Text.Json;
using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Cli.Commands;

/// <summary>
/// One output line per scored vector: <c>vector TAB score TAB severity</c>, or with --json one JSON object per line
/// (JSON Lines) with every score. Writes through a buffered writer without building intermediate strings.
/// </summary>
internal sealed class CvssLineWriter(TextWriter output, bool json) : IDisposable
{
    private readonly Utf8JsonWriter? _json = json ? new Utf8JsonWriter(Stream.Null) : null;
    private readonly MemoryStream _line = new();
    private readonly char[] _score = new char[4];

    public void Write(CvssScores scores)
    {
        if (_json is null)
        {
            output.Write(scores.Vector);
            output.Write('\t');
            output.Write(FormatScore(scores.Score));
            output.Write('\t');
            output.Write(Cvss.SeverityName(scores.Severity));
            output.Write('\n');
            return;
        }

        _line.SetLength(0);
        _json.Reset(_line);
        _json.WriteStartObject();
        _json.WriteString("version", scores.VersionNumber);
        _json.WriteString("vector", scores.Vector);
        WriteScore("base", scores.BaseScore);
        if (scores.Version == CvssVersion.V4_0)
        {
            WriteScore("threat", scores.BaseThreatScore);
            WriteScore("environmental", scores.BaseEnvironmentalScore);
            WriteScore("threatEnvironmental", scores.BaseThreatEnvironmentalScore);
        }
        else
        {
            WriteScore("temporal", scores.TemporalScore);
            WriteScore("environmental", scores.EnvironmentalScore);
        }

        WriteScore("score", scores.Score);
        _json.WriteString("scoreKind", scores.ScoreKind);
        _json.WriteString("severity", Cvss.SeverityName(scores.Severity));
        _json.WriteString("baseSeverity", Cvss.SeverityName(scores.BaseSeverity));
        _json.WriteEndObject();
        _json.Flush();
        foreach (var b in _line.GetBuffer().AsSpan(0, (int)_line.Length))
        {
            output.Write((char)b); // the JSON writer escapes everything outside ASCII
        }

        output.Write('\n');
    }

    public void Dispose()
    {
        _json?.Dispose();
        _line.Dispose();
    }

    private void WriteScore(string name, double? score)
    {
        if (score is { } value)
        {
            // One decimal, as the specifications print scores (9.0, not 9).
            _json!.WritePropertyName(name);
            _json.WriteRawValue(FormatScore(value), skipInputValidation: true);
        }
        else
        {
            _json!.WriteNull(name);
        }
    }

    /// <summary>"0.0" to "10.0" without culture lookups or allocations beyond a reused buffer.</summary>
    private ReadOnlySpan<char> FormatScore(double score)
    {
        var tenths = (int)Math.Round(score * 10, MidpointRounding.AwayFromZero);
        var length = 0;
        if (tenths >= 100)
        {
            _score[length++] = (char)('0' + (tenths / 100));
        }

        _score[length++] = (char)('0' + (tenths / 10 % 10));
        _score[length++] = '.';
        _score[length++] = (char)('0' + (tenths % 10));
        return _score.AsSpan(0, length);
    }
}
