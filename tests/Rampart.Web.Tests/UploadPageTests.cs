using System.Net;
using System.Text.RegularExpressions;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>The /upload form, posted the way a browser posts it (multipart, with the antiforgery token), with real reports.</summary>
public sealed partial class UploadPageTests
{
    /// <summary>
    /// Four formats, counted with python3 over the files:
    /// zap-2.10.0_scan.xml: 15 alertitems, distinct by (pluginid, alert) → 15 findings.
    /// grype-0.28.0_image_all_fields.json: 6 matches; GHSA-v6rh-hp5x-86rv on Django 3.2.9 (same locations) twice → 5 findings, 1 duplicate.
    /// cdx-1.4_grype-0.41.0_log4j.xml: 8 vulnerabilities on its one component (log4j-core) → 8 findings, 1 component.
    /// spdx-2.3_with-security-refs.json: 4 packages, two with a SECURITY advisory reference (CVE-2020-28498, CVE-2022-2274) → 2 findings, 4 components.
    /// </summary>
    public static TheoryData<string, string, int, int, int> FourFormats => new()
    {
        { "zap/zap-2.10.0_scan.xml", "zap", 15, 0, 0 },
        { "grype/grype-0.28.0_image_all_fields.json", "grype", 5, 1, 0 },
        { "cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml", "cyclonedx", 8, 0, 1 },
        { "spdx/spdx-2.3_with-security-refs.json", "spdx", 2, 0, 4 },
    };

    [Theory, MemberData(nameof(FourFormats))]
    public async Task UploadPage_RealReport_ShowsFormatAndCounts(string path, string format, int findings, int duplicates, int components)
    {
        await using var host = await WebTestHost.StartAsync(DatabaseProvider.Sqlite);
        var browser = await host.SignedInAsync();

        using var response = await PostUploadAsync(browser, path, "upload-" + format);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(format, Shown(html, "result-format"));
        Assert.Equal(findings.ToString(System.Globalization.CultureInfo.InvariantCulture), Shown(html, "result-findings"));
        Assert.Equal(findings.ToString(System.Globalization.CultureInfo.InvariantCulture), Shown(html, "result-new"));
        Assert.Equal(duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture), Shown(html, "result-duplicates"));
        Assert.Equal(components == 0 ? null : components.ToString(System.Globalization.CultureInfo.InvariantCulture), Shown(html, "result-components"));
        Assert.DoesNotContain("data-testid=\"already-imported\"", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UploadPage_SameFileTwice_SaysAlreadyImportedAndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var browser = await host.SignedInAsync();
        using var first = await PostUploadAsync(browser, "zap/zap-2.10.0_scan.xml", "bodgeit");
        var scansBefore = await host.UseAsync<RampartDbContext, int>(db => Task.FromResult(db.Scans.Count()));

        using var second = await PostUploadAsync(browser, "zap/zap-2.10.0_scan.xml", "bodgeit");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"already-imported\"", html, StringComparison.Ordinal);
        Assert.Contains("Already imported.", html, StringComparison.Ordinal);
        Assert.Equal("15", Shown(html, "result-findings")); // the earlier scan's findings (15 alerts, see FourFormats)
        Assert.Equal(1, scansBefore);
        Assert.Equal(1, await host.UseAsync<RampartDbContext, int>(db => Task.FromResult(db.Scans.Count())));
    }

    /// <summary>GETs /upload for its antiforgery token, then posts the corpus file as the form's multipart body.</summary>
    internal static async Task<HttpResponseMessage> PostUploadAsync(HttpClient browser, string corpusPath, string asset, string format = "auto")
    {
        var page = await browser.GetStringAsync("/upload");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "/upload should contain an antiforgery token field.");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Corpus.File(corpusPath))), "Report", Path.GetFileName(corpusPath) },
            { new StringContent(asset), "Asset" },
            { new StringContent(format), "Format" },
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        return await browser.PostAsync("/upload", form);
    }

    /// <summary>The text of the element with a data-testid, or null when the page has none.</summary>
    private static string? Shown(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\">([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
