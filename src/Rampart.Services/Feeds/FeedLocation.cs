namespace Rampart.Services.Feeds;

/// <summary>Tells a URL from a file path: only absolute http and https URLs are fetched; anything else is a path.</summary>
public static class FeedLocation
{
    public static Uri? Url(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
