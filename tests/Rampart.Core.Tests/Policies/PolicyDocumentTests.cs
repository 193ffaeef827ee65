using Rampart.Core.Assets;
using Rampart.Core.Policies;
using Rampart.Core.Prioritization;

namespace Rampart.Core.Tests.Policies;

public sealed class PolicyDocumentTests
{
    private static PolicyDocument Starter() => PolicyDocument.Parse(PolicyTemplate.FileName, PolicyTemplate.Starter);

    [Fact]
    public void Parse_StarterTemplate_HasNoWarnings()
    {
        var document = Starter();

        Assert.Empty(document.Warnings);
        Assert.Equal("Threat and Vulnerability Management Policy", document.Title);
    }

    [Fact]
    public void Parse_StarterTemplate_ReadsTimeframesAndOverrides()
    {
        var parameters = Starter().Parameters;

        // docs/policy-template.md: the defaults, 3/14/60/120 for critical assets, 14/45/90/180 for the model layer.
        Assert.Equal(new RemediationTimeframes(7, 30, 90, 180), parameters.Timeframes);
        Assert.Equal(new RemediationTimeframes(3, 14, 60, 120), parameters.TimeframesByCriticality[Criticality.Critical]);
        Assert.Equal(new RemediationTimeframes(14, 45, 90, 180), parameters.TimeframesByLayer[PolicyLayer.Model]);
        Assert.Single(parameters.TimeframesByCriticality);
        Assert.Single(parameters.TimeframesByLayer);
    }

    [Fact]
    public void Parse_StarterTemplate_ReadsAcceptanceCadenceAndReview()
    {
        var parameters = Starter().Parameters;

        Assert.Equal(90, parameters.RiskAcceptance.MaxDays);
        Assert.Equal(["security-lead"], parameters.RiskAcceptance.ApproverRoles);
        Assert.Equal(8, parameters.ScanCadenceDays.Count);
        Assert.Equal(30, parameters.ScanCadenceDays[AssetKind.Dataset]);
        Assert.Equal(7, parameters.ScanCadenceDays[AssetKind.PromptConfiguration]);
        Assert.Equal(1, parameters.ScanCadenceDays[AssetKind.CloudResource]);
        Assert.Equal(12, parameters.ReviewIntervalMonths);
        Assert.False(parameters.PauseSlaWhileWaitingOnVendor);
        Assert.Equal(new PrioritizationSettings(0.1, 0.5), parameters.ToPrioritizationSettings());
    }

    [Fact]
    public void Parse_StarterTemplate_ReadsEscalationWindowsAndContacts()
    {
        var parameters = Starter().Parameters;

        Assert.Equal(
            [new EscalationStep(-3, "assignee"), new EscalationStep(0, "owner-team-lead"), new EscalationStep(7, "security-lead")],
            parameters.Escalation);
        var window = Assert.Single(parameters.MaintenanceWindows);
        Assert.Equal("weekend", window.Name);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], window.Days);
        Assert.Equal(new TimeOnly(2, 0), window.Start);
        Assert.Equal(240, window.DurationMinutes);
        Assert.Equal("UTC", window.TimeZone);
        Assert.Equal(
            [new DisclosureContact("email", "security@example.com"), new DisclosureContact("url", "https://example.com/.well-known/security.txt")],
            parameters.DisclosureContacts);
    }

    [Fact]
    public void Parse_StarterTemplate_CoversEveryLayerAndParty()
    {
        var parameters = Starter().Parameters;
        SsrmParty[] allParties =
            [SsrmParty.Csp, SsrmParty.ModelProvider, SsrmParty.OrchestratedServiceProvider, SsrmParty.ApplicationProvider, SsrmParty.AiCustomer];

        Assert.Equal(PolicyLayers.All, parameters.Scope.Layers);
        Assert.Equal(allParties, parameters.Scope.Parties);
        Assert.Equal(allParties, parameters.Stakeholders.Parties);
        Assert.Equal(["security", "platform", "ml-engineering"], parameters.Stakeholders.Teams);
        Assert.Empty(parameters.Stakeholders.Users);
        Assert.All(PolicyLayers.All, layer => Assert.True(parameters.Rules.ContainsKey(layer), $"the starter has no rule for {layer}"));
        Assert.Equal([SsrmParty.ModelProvider], parameters.Rules[PolicyLayer.Model].Owners);
        Assert.Equal([SsrmParty.ModelProvider, SsrmParty.OrchestratedServiceProvider], parameters.Rules[PolicyLayer.Orchestration].Owners);
        Assert.StartsWith("The model provider triages", parameters.Rules[PolicyLayer.Model].Procedure, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StarterTemplate_BodyIsTheMarkdownAfterFrontMatter()
    {
        var document = Starter();

        Assert.StartsWith("# Threat and Vulnerability Management Policy\n", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("remediation-days:", document.Body, StringComparison.Ordinal);
        Assert.Contains("## 12. Review", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyTitle_TakesEveryDefault()
    {
        var document = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With());
        var parameters = document.Parameters;
        var defaults = PolicyParameters.Default;

        Assert.Equal("Test policy", document.Title);
        Assert.Equal("# Body\n", document.Body);
        Assert.Equal(defaults.Timeframes, parameters.Timeframes);
        Assert.Same(defaults.Rules, parameters.Rules);
        Assert.Same(defaults.Scope, parameters.Scope);
        Assert.Equal(12, parameters.ReviewIntervalMonths);
    }

    [Fact]
    public void Parse_PartialRemediationDays_KeepsTheOtherDefaults()
    {
        var parameters = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With("remediation-days: {P1: 5}")).Parameters;

        // Only P1 is given; P2..P4 stay at Rampart's 30/90/180.
        Assert.Equal(new RemediationTimeframes(5, 30, 90, 180), parameters.Timeframes);
    }

    [Fact]
    public void Parse_PartialOverride_BuildsOnTheDocumentsTimeframes()
    {
        var text = PolicyText.With("remediation-days-by-layer: {data: {P4: 365}}", "remediation-days: {P1: 2, P2: 10}");

        var parameters = PolicyDocument.Parse(PolicyText.FileName, text).Parameters;

        // remediation-days is read first whatever its place, so the data override inherits 2/10 and the default P3 90.
        Assert.Equal(new RemediationTimeframes(2, 10, 90, 365), parameters.TimeframesByLayer[PolicyLayer.Data]);
    }

    [Fact]
    public void Parse_PartialScanCadence_ChangesOnlyTheNamedKinds()
    {
        var parameters = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With("scan-cadence-days: {model: 1}")).Parameters;

        Assert.Equal(1, parameters.ScanCadenceDays[AssetKind.Model]);
        Assert.Equal(30, parameters.ScanCadenceDays[AssetKind.Dataset]);
    }

    [Fact]
    public void Parse_NamedRecipientsAndFullDayNames_AreAccepted()
    {
        var text = PolicyText.With(
            "escalation: [{days-after-due: 1, notify: 'user:alice'}, {days-after-due: 30, notify: 'team:ciso-office'}]",
            "maintenance-windows: [{name: nightly, days: [monday, tue], start: '23:30', duration-minutes: 60}]");

        var parameters = PolicyDocument.Parse(PolicyText.FileName, text).Parameters;

        Assert.Equal("team:ciso-office", parameters.Escalation[1].Notify);
        var window = Assert.Single(parameters.MaintenanceWindows);
        Assert.Equal("UTC", window.TimeZone); // time-zone left out
        Assert.Equal(new TimeOnly(23, 30), window.Start);
        Assert.Equal(2, window.Days.Count);
    }

    [Fact]
    public void Parse_IanaTimeZone_IsAccepted()
    {
        var text = PolicyText.With("maintenance-windows: [{name: w, days: [fri], start: '22:00', duration-minutes: 120, time-zone: Europe/Berlin}]");

        var window = Assert.Single(PolicyDocument.Parse(PolicyText.FileName, text).Parameters.MaintenanceWindows);

        Assert.Equal("Europe/Berlin", window.TimeZone);
    }

    [Fact]
    public void Parse_CrlfAndLf_GiveTheSameHash()
    {
        var lf = PolicyText.With("review-interval-months: 6");
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var cr = lf.Replace('\n', '\r');

        var hash = PolicyDocument.Parse(PolicyText.FileName, lf).ContentHash;

        Assert.Equal(hash, PolicyDocument.Parse(PolicyText.FileName, crlf).ContentHash);
        Assert.Equal(hash, PolicyDocument.Parse(PolicyText.FileName, cr).ContentHash);
        Assert.Equal(6, PolicyDocument.Parse(PolicyText.FileName, crlf).Parameters.ReviewIntervalMonths);
    }

    [Fact]
    public void Parse_SmallDocument_HashIsSha256OfTheText()
    {
        // printf -- '---\ntitle: Hash me\n---\nBody\n' | sha256sum
        const string Expected = "1293fc3ed6f5cfda465099ee056609d1159c459ae0fb38bf6897b4dadb627d31";

        var document = PolicyDocument.Parse(PolicyText.FileName, "---\r\ntitle: Hash me\r\n---\r\nBody\r\n");

        Assert.Equal(Expected, document.ContentHash);
    }
}
