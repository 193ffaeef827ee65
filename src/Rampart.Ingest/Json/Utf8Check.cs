using System.Text;
using System.Text.Unicode;

namespace Rampart.Ingest.Json;

/// <summary>Byte-level checks shared by detection and streaming: BOMs, UTF-8 validity, blank content.</summary>
internal static class Utf8Check
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static int BomLength(ReadOnlySpan<byte> data) => data.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;

    public static bool IsUtf16(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF));

    /// <summary>
    /// The length of the prefix of <paramref name="data"/> that can be checked now: all of it when no more
    /// data follows, otherwise everything but a multi-byte sequence cut by the end of the buffer.
    /// </summary>
    public static int CheckableLength(ReadOnlySpan<byte> data, bool isFinal)
    {
        if (isFinal)
        {
            return data.Length;
        }

        // A sequence is at most 4 bytes: find the last lead byte among the final 3 and see whether it is complete.
        for (var back = 1; back <= Math.Min(3, data.Length); back++)
        {
            var b = data[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? data.Length - back : data.Length;
        }

        return data.Length;
    }

    /// <summary>The offset of the first invalid UTF-8 sequence, or -1 when the span is valid.</summary>
    public static int FindInvalid(ReadOnlySpan<byte> data)
    {
        if (Utf8.IsValid(data))
        {
            return -1;
        }

        var offset = 0;
        while (offset < data.Length)
        {
            if (Rune.DecodeFromUtf8(data[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    public static bool IsBlank(ReadOnlySpan<byte> data) => data.TrimStart(" \t\r\n"u8).IsEmpty;
}
