using System.Globalization;
using System.Text.Json;

namespace Rampart.Ingest.Json;

/// <summary>Shape-tolerant reads: a scanner's JSON may lack a field or give it another type; none of these throw.</summary>
internal static class JsonElementExtensions
{
    /// <summary>The property's value when this is an object that has it and it is not null.</summary>
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? Text(this JsonElement element, string name) => element.Get(name)?.AsText();

    /// <summary>Follows a path of property names, e.g. <c>Text("shortDescription", "text")</c>.</summary>
    public static string? Text(this JsonElement element, string name, string inner) => element.Get(name)?.Text(inner);

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static IEnumerable<JsonElement> Items(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];

    public static int? Int32(this JsonElement element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value) => value,
        { ValueKind: JsonValueKind.String } text when int.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    /// <summary>Strings, numbers and booleans as text; lone-surrogate escapes fall back to the raw JSON text.</summary>
    public static string? AsText(this JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return element.GetString();
                }
                catch (InvalidOperationException)
                {
                    return element.GetRawText().Trim('"');
                }

            case JsonValueKind.Number:
                return element.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }
}
