using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rampart.Services.Tests.Feeds;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) serving one file with an ETag and Last-Modified
/// and answering conditional requests with 304 (RFC 9110 §13.1.2: If-None-Match wins over If-Modified-Since).
/// Records the conditional headers of every request.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Served _served;

    private FeedServer(WebApplication app, Served served)
    {
        _app = app;
        _served = served;
    }

    public ConcurrentQueue<(string? IfNoneMatch, string? IfModifiedSince, int Status)> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<FeedServer> StartAsync(byte[] content, string etag, DateTimeOffset lastModified)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FeedServer(app, new Served(content, etag, lastModified));
        app.MapGet("/feed", server.Serve);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(new Uri(address), "/feed");
        return server;
    }

    /// <summary>Publishes a new version of the file.</summary>
    public void Publish(byte[] content, string etag, DateTimeOffset lastModified) => _served = new Served(content, etag, lastModified);

    private async Task Serve(HttpContext context)
    {
        var served = _served;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
        var notModified = ifNoneMatch.Length > 0
            ? ifNoneMatch == served.ETag
            : ifModifiedSince.Length > 0 && DateTimeOffset.TryParse(ifModifiedSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since)
                && served.LastModified <= since;
        var status = notModified ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        Requests.Enqueue((ifNoneMatch.Length > 0 ? ifNoneMatch : null, ifModifiedSince.Length > 0 ? ifModifiedSince : null, status));
        context.Response.StatusCode = status;
        context.Response.Headers.ETag = served.ETag;
        context.Response.Headers.LastModified = served.LastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (!notModified)
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(served.Content);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Served(byte[] Content, string ETag, DateTimeOffset LastModified);
}
