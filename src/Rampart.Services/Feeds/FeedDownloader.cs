using System.Net;
using Microsoft.Extensions.Logging;

namespace Rampart.Services.Feeds;

/// <summary>The answer to a conditional GET: 304, or 200 with the validators to send next time.</summary>
internal sealed record FeedDownload(bool NotModified, string? ETag, DateTimeOffset? LastModified);

/// <summary>
/// Fetches a feed with a conditional GET (RFC 9110 §13.1): If-None-Match with the stored ETag, If-Modified-Since with
/// the stored Last-Modified. A 200 body is written to a file, up to <see cref="FeedSettings.MaxDownloadBytes"/>.
/// </summary>
public sealed class FeedDownloader(HttpClient http, ILogger<FeedDownloader> logger)
{
    internal async Task<FeedDownload> DownloadAsync(Uri url, string? etag, DateTimeOffset? lastModified, string targetPath, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(etag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is { } since)
        {
            request.Headers.IfModifiedSince = since;
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            logger.LogInformation("{Url}: not modified (304)", url);
            return new FeedDownload(true, etag, lastModified);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > FeedSettings.MaxDownloadBytes)
        {
            throw new HttpRequestException($"{url}: the file is larger than {FeedSettings.MaxDownloadBytes / (1024 * 1024)} MiB");
        }

        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        await using (var file = new FileStream(targetPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > FeedSettings.MaxDownloadBytes)
                {
                    throw new HttpRequestException($"{url}: the file is larger than {FeedSettings.MaxDownloadBytes / (1024 * 1024)} MiB");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return new FeedDownload(false, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
    }
}
