using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>The finding page's tags and per-source observations (scope, dates, state, occurrences, evidence).</summary>
public sealed class FindingDetailPageTests
{
    // An AI red-teaming finding in the generic format, with taxonomy tags and hostile evidence and message.
    private const string RedTeamJson = """
        {
          "format": "rampart-generic",
          "version": 1,
          "tool": { "name": "redteam-kit" },
          "scanDate": "2026-03-02T09:15:00Z",
          "scope": "support-bot-v3",
          "findings": [{
            "kind": "ai-red-team",
            "title": "Prompt injection through a pasted document",
            "severity": "high",
            "ruleId": "injection/indirect",
            "cwes": ["CWE-77"],
            "tags": ["OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051", "<b>bold</b>"],
            "message": "<script>alert('message')</script>",
            "evidence": [
              { "label": "<i>prompt</i>", "text": "Summarize: <img src=x onerror=alert('evidence')>" },
              { "label": "output", "text": "line one\nline two" }
            ]
          }]
        }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingPage_ZapAlert_ShowsTagsScopeOccurrencesAndEvidence(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        Assert.Equal(HttpStatusCode.Created, (await Uploads.PostAsync(api, "zap/zap-2.16.1_with_req_resp.xml", "shop")).StatusCode);
        var id = await FindingIdAsync(api, "Cookie Poisoning");
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync($"/findings/{id}");

        // zap-2.16.1_with_req_resp.xml, alert "Cookie Poisoning" (python3 ElementTree): cweid 565, wascid 20, tags
        // OWASP_2021_A03 and OWASP_2017_A01, count 5, five instances; the first is GET
        // .../getPrefillOtuTokenData?otuToken=otuToken&clearCache=true with param clearCache. Site: https://example-domain.com.
        Assert.Contains("<span class=\"tag tag-cwe\" title=\"CWE weakness\">CWE-565</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-wasc\" title=\"WASC threat classification\">WASC:20</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-owasp\" title=\"OWASP Top 10\">OWASP:A03:2021</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-owasp\" title=\"OWASP Top 10\">OWASP:A01:2017</span>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "data-testid=\"observation\""));
        Assert.Contains("data-testid=\"observation-scope\">https://example-domain.com</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"observation-occurrences\">5</td>", html, StringComparison.Ordinal);
        Assert.Contains("Present", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Evidence (5)</summary>", html, StringComparison.Ordinal);
        Assert.Contains("GET https://example-domain.com/cpapi/api/redirect/getPrefillOtuTokenData?otuToken=otuToken&amp;clearCache=true", html, StringComparison.Ordinal);
        Assert.Contains(">param=clearCache</pre>", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingPage_RedTeamFinding_ShowsAiTagsAndEncodesHostileEvidence(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/scans", Uploads.Form(Encoding.UTF8.GetBytes(RedTeamJson), "redteam.json", "support-bot"))).StatusCode);
        var id = await FindingIdAsync(api, "Prompt injection");
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync($"/findings/{id}");

        Assert.Contains("<span class=\"tag tag-owasp-llm\" title=\"OWASP Top 10 for LLM Applications\">OWASP-LLM:LLM01:2025</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-atlas\" title=\"MITRE ATLAS\">ATLAS:AML.T0051</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-cwe\" title=\"CWE weakness\">CWE-77</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-other\" title=\"Tag\">&lt;b&gt;bold&lt;/b&gt;</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"observation-scope\">support-bot-v3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Evidence (2)</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"plain-text\">line one&#xA;line two</pre>", html, StringComparison.Ordinal); // preformatted: the line break stays
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>prompt</i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains("Summarize: &lt;img src=x onerror=alert(", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;prompt&lt;/i&gt;", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingsApi_Detail_HasTagsAndObservationFields(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        await api.PostAsync("/api/v1/scans", Uploads.Form(Encoding.UTF8.GetBytes(RedTeamJson), "redteam.json", "support-bot"));
        var id = await FindingIdAsync(api, "Prompt injection");

        var finding = await api.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");

        Assert.Equal(["OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051", "<b>bold</b>"], finding.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var observation = Assert.Single(finding.GetProperty("observations").EnumerateArray());
        Assert.Equal("support-bot-v3", observation.GetProperty("scope").GetString());
        Assert.True(observation.GetProperty("present").GetBoolean());
        Assert.Equal(1, observation.GetProperty("occurrences").GetInt32());
        Assert.Equal(2, observation.GetProperty("evidence").GetArrayLength());
    }

    private static async Task<long> FindingIdAsync(HttpClient api, string titleSearch)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/findings?q={Uri.EscapeDataString(titleSearch)}");
        return Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64();
    }
}
