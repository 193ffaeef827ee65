using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.BrowserTests;

/// <summary>
/// The priority decision in the browser: Grype 0.41.0's CycloneDX SBOM of log4j-core 2.13.2 (corpus) gives
/// CVE-2021-44228 with AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H (automatable, total impact). On a new asset (internal, medium)
/// with no feeds, CISA's table gives Track → P4; made critical and internet-facing, Attend → P2 (rows 10 and 11).
/// </summary>
public sealed class PrioritizationBrowserTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetContextThenOverride_FindingPageShowsTheDecisionTheOverrideAndTheHistory(DatabaseProvider provider)
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
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync(server.Url("/login?ReturnUrl=%2Fupload"));
        await page.GetByLabel("User name").FillAsync(RampartServer.UserName);
        await page.GetByLabel("Password").FillAsync(RampartServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Report file").SetInputFilesAsync(Corpus.File("cyclonedx/cdx-1.4_grype-0.41.0_log4j.json"));
        await page.GetByLabel("Asset").FillAsync("shop-api");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("upload-result")).ToBeVisibleAsync();

        // The asset page: make it critical and internet-facing; its findings are re-decided at once.
        await page.GotoAsync(server.Url("/assets"));
        await page.GetByRole(AriaRole.Link, new() { Name = "shop-api", Exact = true }).ClickAsync();
        await page.GetByText("Change what priorities depend on").ClickAsync();
        await page.Locator("select[name='Context.Criticality']").SelectOptionAsync("Critical");
        await page.Locator("select[name='Context.Exposure']").SelectOptionAsync("Internet");
        await page.GetByTestId("asset-context-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("asset-context-message")).ToContainTextAsync("8 open findings re-decided");

        // The finding page shows the SSVC decision and its path.
        await page.GotoAsync(server.Url("/findings?asset=shop-api&q=CVE-2021-44228"));
        await page.Locator("table.findings tbody tr").First.Locator("td.title-cell a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/findings/\d+$"));
        await Assertions.Expect(page.GetByTestId("finding-priority")).ToHaveTextAsync("P2");
        await Assertions.Expect(page.GetByTestId("priority-ssvc")).ToHaveTextAsync("SSVC Attend");
        await Assertions.Expect(page.GetByTestId("priority-reasons").Locator("li").First).ToContainTextAsync("→ Attend → P2");

        // Override it with a justification: shown beside the computed priority, and in the history.
        await page.GetByText("Set the priority by hand").ClickAsync();
        await page.GetByTestId("override-priority").SelectOptionAsync("P1");
        await page.GetByTestId("override-justification").FillAsync("Exploited at a sister company yesterday.");
        await page.GetByTestId("override-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("finding-priority")).ToHaveTextAsync("P1");
        await Assertions.Expect(page.GetByTestId("priority-computed")).ToHaveTextAsync("computed P2");
        await Assertions.Expect(page.GetByTestId("priority-override")).ToContainTextAsync("Exploited at a sister company yesterday.");
        await Assertions.Expect(page.GetByTestId("priority-history").Locator("tbody tr")).ToHaveCountAsync(2); // asset edit, override
        await Browser.ScreenshotAsync(page, $"finding-override-{provider}".ToLowerInvariant());

        Assert.True(consoleErrors.Count == 0, "The browser reported errors: " + string.Join(" | ", consoleErrors));
    }
}
