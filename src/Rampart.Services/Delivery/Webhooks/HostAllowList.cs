namespace Rampart.Services.Delivery.Webhooks;

/// <summary>
/// The hosts webhooks may call (<c>Rampart:Delivery:Webhooks:AllowedHosts</c>): an exact host name or IP literal, or
/// "*.example.com" for any subdomain of example.com (not example.com itself). Compared case-insensitively.
/// </summary>
public static class HostAllowList
{
    public static bool Allows(IEnumerable<string> allowedHosts, Uri url)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        var host = url.IdnHost.TrimEnd('.');
        foreach (var entry in allowedHosts.Select(h => h.Trim().TrimEnd('.')).Where(h => h.Length > 0))
        {
            if (entry.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase) && host.Length > entry.Length - 1
                : string.Equals(host, entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Plain HTTP is accepted only to this machine (a local relay or a test double); elsewhere HTTPS.</summary>
    public static bool IsSecureEnough(Uri url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
