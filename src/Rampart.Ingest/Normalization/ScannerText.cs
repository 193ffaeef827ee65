using System.Text;

namespace Rampart.Ingest.Normalization;

/// <summary>
/// Scanner text is untrusted: it is trimmed, stripped of control and bidirectional-override characters
/// (kept: newline and tab) and capped, so that it is safe to store and to show as plain text.
/// </summary>
internal static class ScannerText
{
    public const int TitleLength = 300;
    public const int LongLength = 4000;
    public const int IdentifierLength = 500;

    /// <summary>A one-line title: whitespace runs (newlines included) collapse to one space.</summary>
    public static string? Title(string? text) => Clean(text, TitleLength, singleLine: true);

    /// <summary>A description or message; keeps line breaks.</summary>
    public static string? Long(string? text) => Clean(text, LongLength, singleLine: false);

    /// <summary>Ids, names, versions, paths: one line, capped.</summary>
    public static string? Short(string? text) => Clean(text, IdentifierLength, singleLine: true);

    private static string? Clean(string? text, int maxLength, bool singleLine)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            var isBreak = c is '\n' or '\t' or '\r';
            if (singleLine && (isBreak || char.IsWhiteSpace(c)))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c == '\r' || (!isBreak && IsUnsafe(c)))
            {
                continue; // CR is dropped so that CRLF reads as LF
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        if (builder.Length == 0)
        {
            return null;
        }

        if (builder.Length > maxLength)
        {
            var cut = maxLength - 1;
            if (char.IsLowSurrogate(builder[cut]))
            {
                cut--;
            }

            builder.Length = cut;
            builder.Append('…');
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
