using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.BrowserTests;

public sealed partial class SignInUploadBrowseTests
{
    // gosec.sarif: 21 distinct results, all in main.go (jq '[.runs[].results[]]|length'; see Rampart.Web.Tests.ScansApiTests).
    private const int GosecFindings = 21;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_UploadSarif_SeeFindings_OpenOne(DatabaseProvider provider)
    {
        await using var server = await RampartServer.StartAsync(provider);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})"); // CSP violations land here
            }
        };

        // Sign in.
        await page.GotoAsync(server.Url("/findings"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.GetByLabel("User name").FillAsync(RampartServer.UserName);
        await page.GetByLabel("Password").FillAsync(RampartServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url("/findings"));
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(RampartServer.UserName);

        // Upload a real SARIF report through the upload page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload" }).ClickAsync();
        await page.GetByLabel("Report file").SetInputFilesAsync(Corpus.File("sarif/gosec.sarif"));
        await page.GetByLabel("Asset").FillAsync("payments-api");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("upload-result")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("result-findings")).ToHaveTextAsync(GosecFindings.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // See its findings in the list.
        await page.GetByRole(AriaRole.Link, new() { Name = "See the findings of payments-api" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("findings-count")).ToContainTextAsync($"{GosecFindings} findings");
        await Assertions.Expect(page.Locator("table.findings tbody tr")).ToHaveCountAsync(GosecFindings);
        await Browser.ScreenshotAsync(page, $"findings-{provider}".ToLowerInvariant());

        // Open one: its priority reasons and location are there.
        await page.Locator("table.findings tbody tr").First.Locator("td.title-cell a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/findings/\d+$"));
        Assert.True(await page.GetByTestId("priority-reasons").Locator("li").CountAsync() > 0, "The finding page should list why the finding has its priority.");
        await Assertions.Expect(page.GetByTestId("finding-location")).ToContainTextAsync("main.go");
        await Assertions.Expect(page.GetByTestId("observations").Locator("tbody tr")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, $"finding-{provider}".ToLowerInvariant());

        // The dashboard counts it and draws the chart (Chart.js ran under the CSP).
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-total")).ToHaveTextAsync(GosecFindings.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('priority-chart'))"), "Chart.js should have drawn the priority chart.");
        await Browser.ScreenshotAsync(page, $"dashboard-{provider}".ToLowerInvariant());

        Assert.True(consoleErrors.Count == 0, "The browser reported errors: " + string.Join(" | ", consoleErrors));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_TruncatedReport_ShowsErrorWithPosition(DatabaseProvider provider)
    {
        await using var server = await RampartServer.StartAsync(provider);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var bytes = await File.ReadAllBytesAsync(Corpus.File("sarif/gosec.sarif"));

        await page.GotoAsync(server.Url("/login?ReturnUrl=%2Fupload"));
        await page.GetByLabel("User name").FillAsync(RampartServer.UserName);
        await page.GetByLabel("Password").FillAsync(RampartServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url("/upload"));
        await page.GetByLabel("Report file").SetInputFilesAsync(new FilePayload { Name = "cut.sarif", MimeType = "application/json", Buffer = bytes[..(bytes.Length / 2)] });
        await page.GetByLabel("Asset").FillAsync("payments-api");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("cut.sarif");
        await Browser.ScreenshotAsync(page, $"upload-error-{provider}".ToLowerInvariant());
    }
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_DependencyCheckXml_ShowsItsCountAndTheFindingsSource(DatabaseProvider provider)
    {
        // dc-6.5.3.xml: one dependency with one vulnerability (python3 ElementTree: one <vulnerability> element in all).
        const int DependencyCheckFindings = 1;
        await using var server = await RampartServer.StartAsync(provider);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.GotoAsync(server.Url("/login?ReturnUrl=%2Fupload"));
        await page.GetByLabel("User name").FillAsync(RampartServer.UserName);
        await page.GetByLabel("Password").FillAsync(RampartServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url("/upload"));
        await page.GetByLabel("Report file").SetInputFilesAsync(Corpus.File("dependency-check/dc-6.5.3.xml"));
        await page.GetByLabel("Asset").FillAsync("legacy-java");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("result-format")).ToHaveTextAsync("dependency-check");
        await Assertions.Expect(page.GetByTestId("result-findings")).ToHaveTextAsync(DependencyCheckFindings.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Browser.ScreenshotAsync(page, $"upload-dependency-check-{provider}".ToLowerInvariant());

        // The finding's page names the tool as its source.
        await page.GetByRole(AriaRole.Link, new() { Name = "See the findings of legacy-java" }).ClickAsync();
        await page.Locator("table.findings tbody tr").First.Locator("td.title-cell a").ClickAsync();
        await Assertions.Expect(page.GetByTestId("observation")).ToHaveCountAsync(1); // one source: this scan
        await Assertions.Expect(page.GetByTestId("observation").First).ToContainTextAsync("Dependency-Check");
        await Browser.ScreenshotAsync(page, $"finding-dependency-check-{provider}".ToLowerInvariant());

        // The asset's page lists the scan's source.
        await page.GetByRole(AriaRole.Link, new() { Name = "Assets" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "legacy-java", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/assets/\d+$"));
        await Assertions.Expect(page.GetByTestId("source")).ToContainTextAsync("Dependency-Check");
    }
}
