using Rampart.Data;

namespace Rampart.Services.Imports;

/// <summary>Validation and clipping of the text an import stores: names from people, untrusted text from scanners.</summary>
internal static class ImportText
{
    /// <exception cref="ImportException">The name is empty, longer than 200 characters, or has control characters.</exception>
    public static string AssetName(string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new ImportException("The asset name is empty: give the asset the findings belong to.");
        }

        if (name.Length > ColumnLengths.Name)
        {
            throw new ImportException($"The asset name is {name.Length} characters long; at most {ColumnLengths.Name} are allowed.");
        }

        if (name.Any(char.IsControl))
        {
            throw new ImportException("The asset name contains control characters.");
        }

        return name;
    }

    /// <summary>The file name without any folders (uploads may carry a client path with either separator).</summary>
    public static string FileName(string? value)
    {
        var name = value?.Trim() ?? "";
        var cut = name.LastIndexOfAny(['/', '\\']);
        name = cut >= 0 ? name[(cut + 1)..] : name;
        name = Clip(name, ColumnLengths.FileName) ?? "";
        return name.Length == 0 ? "(unnamed file)" : name;
    }

    /// <summary>
    /// Text safe to store: NUL removed (PostgreSQL text cannot hold it), cut to <paramref name="maxLength"/>
    /// without splitting a surrogate pair; empty becomes null.
    /// </summary>
    public static string? Clip(string? value, int? maxLength = null)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            value = value.Replace("\0", "", StringComparison.Ordinal);
        }

        if (maxLength is { } max && value.Length > max)
        {
            var end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
            value = value[..end];
        }

        return value.Length == 0 ? null : value;
    }
}
