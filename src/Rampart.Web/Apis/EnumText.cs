namespace Rampart.Web.Apis;

/// <summary>Parses enum names from query strings and forms, case-insensitively, refusing numbers and unknown names.</summary>
public static class EnumText
{
    /// <returns>False when <paramref name="text"/> is given but names no member; empty text gives null.</returns>
    public static bool TryParse<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (char.IsAsciiDigit(trimmed[0]) || trimmed[0] == '-' || !Enum.TryParse<T>(trimmed, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The member names, for error messages: "a, b or c".</summary>
    public static string Choices<T>()
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>();
        return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
