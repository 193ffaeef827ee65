using Microsoft.Playwright;
using Rampart.Testing;

namespace Rampart.Web.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser downloads are never used: the browser is launched
/// from <see cref="ChromiumPath"/>. Outside CI a missing Chromium skips the test with a notice; in CI it fails.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            const string notice = "SKIPPED: browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium).";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail("In CI browser tests may not be skipped, but /usr/bin/chromium is missing.");
            }

            Assert.Skip(notice);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return (playwright, browser);
    }

    /// <summary>Saves a screenshot into the test output folder and into /tmp/rampart-screens for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        foreach (var folder in new[] { Path.Combine(AppContext.BaseDirectory, "screenshots"), "/tmp/rampart-screens" })
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        }
    }

    /// <summary>A new page in <paramref name="context"/>, signed in as the user through the login form; console errors are collected.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, RampartServer server, string userName, string password, List<string> consoleErrors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(consoleErrors);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{userName}: {message.Text} ({message.Location})");
            }
        };
        await page.GotoAsync(server.Url("/login"));
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(userName);
        return page;
    }
}
