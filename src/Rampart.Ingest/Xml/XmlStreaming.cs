using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Rampart.Ingest.Json;

namespace Rampart.Ingest.Xml;

/// <summary>
/// Helpers for readers of formats that come as JSON or XML: telling the two apart from the first significant
/// byte, walking an element's children forward-only, and turning <see cref="XmlException"/> into a report error.
/// </summary>
internal static class XmlStreaming
{
    private const int MaxPeekLength = 64 * 1024;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads up to the first non-whitespace byte (after a UTF-8 BOM) and replays it: XML starts with '&lt;',
    /// anything else is read as JSON (which reports empty and non-JSON content itself).
    /// </summary>
    public static async ValueTask<(ReportInput Input, bool IsXml)> PeekMarkupAsync(ReportInput input, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        var length = 0;
        byte? first = null;
        while (first is null)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= MaxPeekLength)
                {
                    break;
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await input.Content.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            first = FirstSignificant(buffer.AsSpan(0, length));
        }

        var replay = new ReportInput(new PrefixedStream(buffer, length, input.Content), input.FileName);
        return (replay, first == (byte)'<');
    }

    /// <summary>Streams <paramref name="items"/>, turning XML errors into <see cref="ReportFormatException"/>s naming the file and line.</summary>
    public static async IAsyncEnumerable<T> TranslateErrors<T>(
        IAsyncEnumerable<T> items, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                T current;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }

                    current = enumerator.Current;
                }
                catch (XmlException ex)
                {
                    throw SafeXml.Invalid(fileName, ex);
                }

                yield return current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>Moves to the root element; false for a document without one (the reader then throws on its own).</summary>
    public static async ValueTask<bool> MoveToRootAsync(XmlReader reader) =>
        await reader.MoveToContentAsync() == XmlNodeType.Element;

    /// <summary>
    /// On an element's start tag: enters it and moves to its first child element. False (and past the element)
    /// when it has none. Each child must then be consumed (<see cref="XmlReader.SkipAsync"/>,
    /// <see cref="ReadElementAsync"/>) before <see cref="NextChildAsync"/>.
    /// </summary>
    public static async ValueTask<bool> FirstChildAsync(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return false;
        }

        await reader.ReadAsync();
        return await NextChildAsync(reader);
    }

    /// <summary>After a consumed child: moves to the next child element, or past the parent's end tag and returns false.</summary>
    public static async ValueTask<bool> NextChildAsync(XmlReader reader)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    await reader.ReadAsync();
                    return false;
                case XmlNodeType.None:
                    return false;
                default:
                    if (!await reader.ReadAsync())
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    /// <summary>Reads the current element (one element: memory is bounded by its size) and moves past it.</summary>
    public static async ValueTask<XElement> ReadElementAsync(XmlReader reader, CancellationToken cancellationToken) =>
        (XElement)await XNode.ReadFromAsync(reader, cancellationToken);

    public static int? LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>The first child element with this local name (any namespace, any case).</summary>
    public static XElement? Child(this XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The child elements with this local name (any namespace, any case).</summary>
    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => string.Equals(e.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text of the first child element with this local name, or null.</summary>
    public static string? ChildText(this XElement element, string localName) => element.Child(localName)?.Value;

    private static byte? FirstSignificant(ReadOnlySpan<byte> data)
    {
        if (data.Length < 3 && Utf8Bom.AsSpan().StartsWith(data))
        {
            return null; // a BOM cut by the read: wait for more
        }

        var rest = data[Utf8Check.BomLength(data)..].TrimStart(" \t\r\n"u8);
        return rest.IsEmpty ? null : rest[0];
    }
}
