namespace Rampart.Ingest.Normalization;

/// <summary>The parts of a package URL (purl-spec) that name a package: "pkg:type/namespace/name@version?qualifiers#subpath".</summary>
internal sealed record PackageUrl(string Purl, string Name, string? Version)
{
    public static PackageUrl? TryParse(string? text)
    {
        if (text is null || !text.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = text.IndexOfAny(['?', '#']);
        var path = end >= 0 ? text[..end] : text;
        var at = path.LastIndexOf('@');
        var slash = path.LastIndexOf('/');
        var name = at > slash ? path[(slash + 1)..at] : path[(slash + 1)..];
        var version = at > slash ? Uri.UnescapeDataString(path[(at + 1)..]) : null;
        return slash < 0 || name.Length == 0 ? null : new PackageUrl(text, Uri.UnescapeDataString(name), version);
    }
}
