using System.Buffers;
using System.Text.Json;
using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Cli.Commands;

/// <summary>
/// One output line per scored vector: <c>vector TAB score TAB severity</c>, or with --json one JSON object per line
/// (JSON Lines) with every score. Writes straight to the buffered writer, without intermediate strings.
/// </summary>
internal sealed class CvssLineWriter(TextWriter output, bool json)
{
    // A valid vector is made of metric names, values, ':', '/', '.' and (v2) parentheses: nothing JSON must escape.
    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create("\"\\\u007f");

    private readonly char[] _score = new char[4];

    public void Write(CvssScores scores)
    {
        if (!json)
        {
            output.Write(scores.Vector);
            output.Write('\t');
            output.Write(FormatScore(scores.Score));
            output.Write('\t');
            output.Write(Cvss.SeverityName(scores.Severity));
            output.Write('\n');
            return;
        }

        output.Write("{\"version\":\"");
        output.Write(scores.VersionNumber);
        output.Write("\",\"vector\":");
        WriteString(scores.Vector);
        WriteScore(",\"base\":", scores.BaseScore);
        if (scores.Version == CvssVersion.V4_0)
        {
            WriteScore(",\"threat\":", scores.BaseThreatScore);
            WriteScore(",\"environmental\":", scores.BaseEnvironmentalScore);
            WriteScore(",\"threatEnvironmental\":", scores.BaseThreatEnvironmentalScore);
        }
        else
        {
            WriteScore(",\"temporal\":", scores.TemporalScore);
            WriteScore(",\"environmental\":", scores.EnvironmentalScore);
        }

        WriteScore(",\"score\":", scores.Score);
        output.Write(",\"scoreKind\":\"");
        output.Write(scores.ScoreKind);
        output.Write("\",\"severity\":\"");
        output.Write(Cvss.SeverityName(scores.Severity));
        output.Write("\",\"baseSeverity\":\"");
        output.Write(Cvss.SeverityName(scores.BaseSeverity));
        output.Write("\"}\n");
    }

    private void WriteString(string text)
    {
        if (text.AsSpan().ContainsAny(NeedsEscaping) || text.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            output.Write(JsonSerializer.Serialize(text));
            return;
        }

        output.Write('"');
        output.Write(text);
        output.Write('"');
    }

    private void WriteScore(string property, double? score)
    {
        output.Write(property);
        if (score is { } value)
        {
            output.Write(FormatScore(value)); // one decimal, as the specifications print scores (9.0, not 9)
        }
        else
        {
            output.Write("null");
        }
    }

    /// <summary>"0.0" to "10.0" without culture lookups or allocations (a reused buffer).</summary>
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
