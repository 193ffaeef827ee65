using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Workflow;
using Rampart.Testing;

namespace Rampart.Web.BrowserTests;

/// <summary>
/// Remediation in the browser (issue 6): a finding of Trivy's alpine 3.10 scan (corpus) is triaged, its risk acceptance
/// is requested by one user, refused to that same user, approved by a second user holding the security-lead role (the
/// approver role of Rampart's default policy terms), and reopened to Triaged when the acceptance ends.
/// </summary>
public sealed class RemediationBrowserTests
{
    private const string Lead = "lena";
    private const string LeadPassword = "security lead password 1";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TriageThenAcceptanceBySecondUserThenExpiryReopens(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var server = await RampartServer.StartAsync(provider, clock);
        await server.AddUserAsync(Lead, LeadPassword, [Roles.SecurityLead], ["security"]);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var consoleErrors = new List<string>();
        string findingUrl;

        // The first user uploads the scan and triages one finding.
        await using (var context = await browser.NewContextAsync())
        {
            var page = await Browser.SignInAsync(context, server, RampartServer.UserName, RampartServer.Password, consoleErrors);
            await page.GotoAsync(server.Url("/upload"));
            await page.GetByLabel("Report file").SetInputFilesAsync(Corpus.File("trivy/schema2_image_alpine-310.json"));
            await page.GetByLabel("Asset").FillAsync("alpine");
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("upload-result")).ToBeVisibleAsync();
            await page.GotoAsync(server.Url("/findings?asset=alpine"));
            await page.Locator("table.findings tbody tr").First.Locator("td.title-cell a").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/findings/\d+$"));
            await Assertions.Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("New");

            await page.GetByTestId("workflow-action").SelectOptionAsync("triage");
            await page.GetByTestId("workflow-comment").FillAsync("Reachable from the image's entrypoint.");
            await page.GetByTestId("workflow-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Triaged");

            // Request acceptance until tomorrow (UTC, by the server's clock), then try to approve it oneself.
            await page.GetByText("Request risk acceptance").ClickAsync();
            await page.GetByTestId("acceptance-justification").FillAsync("The vulnerable musl path is not used by our service.");
            await page.GetByTestId("acceptance-controls").FillAsync("Network policy blocks inbound traffic to the container.");
            var tomorrow = clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
            await page.GetByTestId("acceptance-until").FillAsync(tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByTestId("acceptance-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("acceptance-status")).ToHaveTextAsync("Requested");
            await page.GetByTestId("acceptance-approve").ClickAsync();
            await Assertions.Expect(page.GetByTestId("workflow-error")).ToContainTextAsync("approve");
            await Assertions.Expect(page.GetByTestId("acceptance-status")).ToHaveTextAsync("Requested");
            // The refusal is answered 409 Conflict, which Chromium logs as a failed load: expected here, once.
            Assert.Equal(1, consoleErrors.RemoveAll(e => e.Contains("status of 409 (Conflict)", StringComparison.Ordinal) && e.Contains("handler=ApproveAcceptance", StringComparison.Ordinal)));
            findingUrl = page.Url;
        }

        // The second user approves it: the finding is Risk accepted.
        await using (var context = await browser.NewContextAsync())
        {
            var page = await Browser.SignInAsync(context, server, Lead, LeadPassword, consoleErrors);
            await page.GotoAsync(findingUrl);
            await page.GetByTestId("acceptance-approve").ClickAsync();
            await Assertions.Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Risk accepted");
            await Assertions.Expect(page.GetByTestId("acceptance-status")).ToHaveTextAsync("Approved");
        }

        // Two days later the server's hourly check ends the acceptance: the finding is open again.
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await server.RunAsync<RiskAcceptanceService, int>(s => s.ExpireAsync(TestContext.Current.CancellationToken)));
        await using (var context = await browser.NewContextAsync())
        {
            var page = await Browser.SignInAsync(context, server, RampartServer.UserName, RampartServer.Password, consoleErrors);
            await page.GotoAsync(findingUrl);
            await Assertions.Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Triaged");
            await Assertions.Expect(page.GetByTestId("acceptance-status")).ToHaveTextAsync("Expired");
            // New → Triaged (the first user), → Risk accepted (the approval), → Triaged (expiry, by the system).
            var steps = page.GetByTestId("workflow-history").Locator("tbody tr");
            await Assertions.Expect(steps).ToHaveCountAsync(3);
            await Assertions.Expect(steps.Nth(1)).ToContainTextAsync(Lead);
            await Assertions.Expect(steps.Nth(2)).ToContainTextAsync("system");
            await Browser.ScreenshotAsync(page, $"finding-acceptance-expired-{provider}".ToLowerInvariant());
        }

        Assert.True(consoleErrors.Count == 0, "The browser reported errors: " + string.Join(" | ", consoleErrors));
    }
}
