using System.Text.Json;

namespace Rampart.Ingest.Json;

/// <summary>Steps for walking a report's outer structure on a <see cref="JsonTokenStream"/>.</summary>
internal static class JsonNavigation
{
    /// <summary>Inside an object: the next property's name, or null at the object's end.</summary>
    public static async ValueTask<string?> ReadPropertyNameAsync(this JsonTokenStream json, CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken))
        {
            throw json.Invalid("the file ends inside an object");
        }

        return json.TokenType switch
        {
            JsonTokenType.PropertyName => json.Text ?? "",
            JsonTokenType.EndObject => null,
            _ => throw json.Invalid($"unexpected {json.TokenType} inside an object"),
        };
    }

    /// <summary>Starts reading an array value: true when it is an array, false when it is null.</summary>
    public static async ValueTask<bool> ReadArrayStartAsync(this JsonTokenStream json, string what, CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken))
        {
            throw json.Invalid($"the file ends before {what}");
        }

        return json.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw json.Invalid($"{what} must be an array, not {json.TokenType}"),
        };
    }

    /// <summary>Inside an array of objects: true when the next object starts, false at the array's end. Null items are skipped.</summary>
    public static async ValueTask<bool> ReadObjectItemStartAsync(this JsonTokenStream json, string what, CancellationToken cancellationToken)
    {
        while (await json.ReadAsync(cancellationToken))
        {
            switch (json.TokenType)
            {
                case JsonTokenType.StartObject:
                    return true;
                case JsonTokenType.EndArray:
                    return false;
                case JsonTokenType.Null:
                    continue;
                default:
                    throw json.Invalid($"each item of {what} must be an object, not {json.TokenType}");
            }
        }

        throw json.Invalid($"the file ends inside {what}");
    }

    /// <summary>The next value as text when it is a string, number or boolean; null for anything else.</summary>
    public static async ValueTask<string?> ReadScalarAsync(this JsonTokenStream json, CancellationToken cancellationToken)
    {
        using var document = await json.ReadValueAsync(cancellationToken);
        return document.RootElement.AsText();
    }

    /// <summary>The next value, detached from the stream's buffers (small values only: tool, metadata).</summary>
    public static async ValueTask<JsonElement> ReadDetachedAsync(this JsonTokenStream json, CancellationToken cancellationToken)
    {
        using var document = await json.ReadValueAsync(cancellationToken);
        return document.RootElement.Clone();
    }

    public static async ValueTask ReadEndAsync(this JsonTokenStream json, CancellationToken cancellationToken)
    {
        if (await json.ReadAsync(cancellationToken))
        {
            throw json.Invalid("unexpected content after the report");
        }
    }
}
