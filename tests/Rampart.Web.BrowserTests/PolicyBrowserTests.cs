using Microsoft.Playwright;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.BrowserTests;

/// <summary>
/// The TVM policy's lifecycle in the browser (issue 5): the author pastes Rampart's starter policy as a draft and
/// submits it; a second user holding the approver role approves it, publishes it (recomputing due dates) and
/// acknowledges it; the author cannot approve her own version.
/// </summary>
public sealed class PolicyBrowserTests
{
    private const string Approver = "carol";
    private const string ApproverPassword = "approver password 1";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DraftThenApprovalBySecondUserThenPublishThenAcknowledge(DatabaseProvider provider)
    {
        await using var server = await RampartServer.StartAsync(provider);
        await server.AddUserAsync(Approver, ApproverPassword, [Roles.Approver], ["security"]);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var consoleErrors = new List<string>();

        // The author: import the starter policy as a draft, then submit it for review.
        await using var authorContext = await browser.NewContextAsync();
        var author = await Browser.SignInAsync(authorContext, server, RampartServer.UserName, RampartServer.Password, consoleErrors);
        await author.GetByRole(AriaRole.Link, new() { Name = "Policy", Exact = true }).ClickAsync();
        await Assertions.Expect(author.GetByTestId("policy-none")).ToBeVisibleAsync();
        await author.GetByTestId("policy-text").FillAsync(PolicyTemplate.Starter);
        await author.GetByTestId("policy-import").ClickAsync();
        await Assertions.Expect(author).ToHaveURLAsync(server.Url("/policy/1"));
        await Assertions.Expect(author.GetByTestId("policy-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(author.GetByTestId("policy-title")).ToHaveTextAsync("Threat and Vulnerability Management Policy");
        await author.Locator("#submit-comment").FillAsync("First policy, from the starter.");
        await author.GetByTestId("policy-submit").ClickAsync();
        await Assertions.Expect(author.GetByTestId("policy-status")).ToHaveTextAsync("In review");
        await Assertions.Expect(author.GetByTestId("policy-needs-approver")).ToBeVisibleAsync(); // the author holds no approver role

        // The second user, an approver: approve, publish with due dates recomputed, acknowledge.
        await using var approverContext = await browser.NewContextAsync();
        var approver = await Browser.SignInAsync(approverContext, server, Approver, ApproverPassword, consoleErrors);
        await approver.GotoAsync(server.Url("/policy/1"));
        await approver.Locator("#approve-comment").FillAsync("Read and agreed.");
        await approver.GetByTestId("policy-approve").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("policy-status")).ToHaveTextAsync("Approved");
        await Assertions.Expect(approver.GetByTestId("policy-approved-by")).ToContainTextAsync($"{Approver} on");
        await approver.GetByTestId("policy-recompute").CheckAsync();
        await approver.GetByTestId("policy-publish").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("policy-status")).ToHaveTextAsync("Published");
        await approver.GetByTestId("policy-acknowledge").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("policy-acknowledgement")).ToHaveCountAsync(1);
        await Assertions.Expect(approver.GetByTestId("policy-acknowledgement").First).ToContainTextAsync(Approver);
        await Assertions.Expect(approver.GetByTestId("policy-acknowledge")).ToHaveCountAsync(0);
        // Import, submit, approve, publish: four recorded steps, the approver's with her comment.
        await Assertions.Expect(approver.GetByTestId("policy-history").Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(approver.GetByTestId("policy-history").Locator("tbody tr").Nth(2)).ToContainTextAsync("Read and agreed.");
        await Browser.ScreenshotAsync(approver, $"policy-published-{provider}".ToLowerInvariant());

        // The evidence page: approved by the second user, the approved hash is the text in force, carol acknowledged.
        await approver.GotoAsync(server.Url("/policy/evidence"));
        await Assertions.Expect(approver.GetByTestId("evidence-hash")).ToHaveTextAsync("match");
        await Assertions.Expect(approver.GetByTestId("evidence-acknowledged")).ToContainTextAsync("1 of 1");
        await Browser.ScreenshotAsync(approver, $"policy-evidence-{provider}".ToLowerInvariant());

        // The author sees the version in force on the list.
        await author.GotoAsync(server.Url("/policy"));
        await Assertions.Expect(author.GetByTestId("policy-in-force")).ToContainTextAsync("version 1");

        Assert.True(consoleErrors.Count == 0, "The browser reported errors: " + string.Join(" | ", consoleErrors));
    }
}
