using Rampart.Core.Policies;

namespace Rampart.Core.Tests.Policies;

/// <summary>Every refusal of <see cref="PolicyDocument.Parse"/>, with the exact message: file, line, reason.</summary>
public sealed class PolicyRefusalTests
{
    // Lines: 1 is the opening ---, 2 the title, 3 the first front matter line a test gives.
    private static string RefusalOf(string text) =>
        Assert.Throws<PolicyFormatException>(() => PolicyDocument.Parse(PolicyText.FileName, text)).Message;

    private static string Refusal(params string[] frontMatter) => RefusalOf(PolicyText.With(frontMatter));

    [Fact]
    public void Parse_NoFrontMatter_IsRefusedOnLine1()
    {
        Assert.Equal(
            "policy.md:1: no front matter: the policy must start with a --- line, YAML front matter and another --- line",
            RefusalOf("# Policy\n\nNo front matter here.\n"));
    }

    [Fact]
    public void Parse_FrontMatterNeverClosed_IsRefused()
    {
        Assert.Equal("policy.md:1: the front matter opened on line 1 is never closed with a --- line", RefusalOf("---\ntitle: Open\n# Body\n"));
    }

    [Fact]
    public void Parse_EmptyFrontMatter_HasNoTitle()
    {
        Assert.Equal("policy.md:1: the front matter has no title; add a line title: …", RefusalOf("---\n---\nBody\n"));
    }

    [Fact]
    public void Parse_FrontMatterWithoutTitle_HasNoTitle()
    {
        // The error points at the mapping, which starts on line 2.
        Assert.Equal("policy.md:2: the front matter has no title; add a line title: …", RefusalOf("---\nreview-interval-months: 6\n---\n"));
    }

    [Fact]
    public void Parse_EmptyTitle_IsRefused()
    {
        Assert.Equal("policy.md:2: title has no value", RefusalOf("---\ntitle:\n---\n"));
    }

    [Fact]
    public void Parse_FrontMatterIsAList_IsRefused()
    {
        Assert.Equal("policy.md:2: the front matter should be a mapping of keys (key: value lines)", RefusalOf("---\n- title\n---\n"));
    }

    [Fact]
    public void Parse_OverOneMebibyte_IsRefusedBeforeReading()
    {
        var text = PolicyText.With() + new string('x', PolicyDocument.MaxBytes);

        Assert.Equal($"policy.md: the policy is {text.Length} bytes; the limit is 1 MiB", RefusalOf(text));
    }

    [Theory]
    [InlineData("remediation-day: {P1: 7}", "policy.md:3: unknown key remediation-day; did you mean remediation-days?")]
    [InlineData("review-interval: 6", "policy.md:3: unknown key review-interval; did you mean review-interval-months?")]
    [InlineData("owner: alice", "policy.md:3: unknown key owner")]
    [InlineData("risk-acceptance: {max-day: 30}", "policy.md:3: unknown key max-day in risk-acceptance; did you mean max-days?")]
    [InlineData("title: Again", "policy.md:3: YAML syntax error: Duplicate key title")]
    public void Parse_UnknownOrRepeatedKey_IsNamed(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Theory]
    [InlineData("remediation-days: [7, 30]", "policy.md:3: remediation-days should be a mapping of keys, not a list")]
    [InlineData("remediation-days: {P1: seven}", "policy.md:3: remediation-days.P1: seven is not a whole number")]
    [InlineData("remediation-days: {P1: 7.5}", "policy.md:3: remediation-days.P1: 7.5 is not a whole number")]
    [InlineData("scope: {layers: model}", "policy.md:3: scope.layers should be a list, not the value model")]
    [InlineData("pause-sla-while-waiting-on-vendor: sometimes", "policy.md:3: pause-sla-while-waiting-on-vendor: sometimes is not true or false")]
    [InlineData("epss-poc-threshold: high", "policy.md:3: epss-poc-threshold: high is not a number")]
    [InlineData("escalation: {days-after-due: 1}", "policy.md:3: escalation should be a list, not a mapping")]
    [InlineData("rules: {model: assignee}", "policy.md:3: rules.model should be a mapping of keys, not the value assignee")]
    public void Parse_WrongType_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Theory]
    [InlineData("remediation-days: {P1: 0}", "policy.md:3: remediation-days.P1: 0 days is below the minimum of 1")]
    [InlineData("remediation-days: {P1: -7}", "policy.md:3: remediation-days.P1: -7 days is below the minimum of 1")]
    [InlineData("remediation-days-by-criticality: {critical: {P3: 0}}", "policy.md:3: remediation-days-by-criticality.critical.P3: 0 days is below the minimum of 1")]
    [InlineData("scan-cadence-days: {model: 0}", "policy.md:3: scan-cadence-days.model: 0 days is below the minimum of 1")]
    public void Parse_ZeroOrNegativeDays_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Theory]
    // P2 20 is below P1 30: the P2 value (the later of the pair) is blamed.
    [InlineData(
        "remediation-days: {P1: 30, P2: 20}",
        "policy.md:3: remediation-days: P2 (20 days) is shorter than P1 (30 days); a lower priority may not be due sooner, so P1 ≤ P2 ≤ P3 ≤ P4 must hold")]
    // Only P4 is given; 60 is below the default P3 of 90.
    [InlineData(
        "remediation-days: {P4: 60}",
        "policy.md:3: remediation-days: P4 (60 days) is shorter than P3 (90 days); a lower priority may not be due sooner, so P1 ≤ P2 ≤ P3 ≤ P4 must hold")]
    [InlineData(
        "remediation-days-by-layer: {model: {P1: 45}}",
        "policy.md:3: remediation-days-by-layer.model: P2 (30 days) is shorter than P1 (45 days); a lower priority may not be due sooner, so P1 ≤ P2 ≤ P3 ≤ P4 must hold")]
    public void Parse_TimeframesOutOfOrder_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Fact]
    public void Parse_EqualTimeframes_AreAllowed()
    {
        var parameters = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With("remediation-days: {P1: 30, P2: 30, P3: 30, P4: 30}")).Parameters;

        Assert.Equal(30, parameters.Timeframes.P4Days);
    }

    [Theory]
    [InlineData("review-interval-months: 18", "policy.md:3: review interval 18 months is over the 12 months TVM-01 allows")]
    [InlineData("review-interval-months: 0", "policy.md:3: review interval 0 months is too short; give 1 to 12 months")]
    [InlineData("review-interval-months: yearly", "policy.md:3: review-interval-months: yearly is not a whole number")]
    public void Parse_ReviewIntervalOutside1To12_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Theory]
    [InlineData("risk-acceptance: {max-days: 0}", "policy.md:3: risk-acceptance.max-days: 0 days is below the minimum of 1")]
    [InlineData("risk-acceptance: {max-days: 400}", "policy.md:3: risk-acceptance.max-days: 400 days is over the maximum of 365")]
    [InlineData("risk-acceptance: {approvers: []}", "policy.md:3: risk-acceptance.approvers is empty; name at least one role that may accept a risk")]
    [InlineData(
        "risk-acceptance: {approvers: [Security Lead]}",
        "policy.md:3: risk-acceptance.approvers[1]: Security Lead is not a role name; write roles in kebab-case, e.g. security-lead")]
    public void Parse_BadRiskAcceptance_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Theory]
    [InlineData("scope: {layers: [modle]}", "policy.md:3: scope.layers: unknown layer modle; did you mean model?")]
    [InlineData(
        "scope: {layers: [kernel]}",
        "policy.md:3: scope.layers: unknown layer kernel; known: application, data, hypervisor, managed-services, model, network, orchestration, physical")]
    [InlineData("scope: {parties: [cloud-provider]}", "policy.md:3: scope.parties: unknown party cloud-provider; known: ai-customer, application-provider, csp, model-provider, orchestrated-service-provider")]
    [InlineData("scope: {parties: [model-providers]}", "policy.md:3: scope.parties: unknown party model-providers; did you mean model-provider?")]
    [InlineData("scope: {layers: [model, model]}", "policy.md:3: scope.layers: layer model is listed twice")]
    [InlineData("scope: {layers: []}", "policy.md:3: scope.layers is empty; name at least one layer")]
    [InlineData("scan-cadence-days: {container: 1}", "policy.md:3: scan-cadence-days: unknown asset kind container; did you mean container-image?")]
    [InlineData("remediation-days-by-criticality: {severe: {P1: 1}}", "policy.md:3: remediation-days-by-criticality: unknown criticality severe; known: critical, high, low, medium")]
    [InlineData("rules: {modl: {owners: [csp], procedure: x}}", "policy.md:3: rules: unknown layer modl; did you mean model?")]
    [InlineData("stakeholders: {parties: [vendor]}", "policy.md:3: stakeholders.parties: unknown party vendor; known: ai-customer, application-provider, csp, model-provider, orchestrated-service-provider")]
    public void Parse_UnknownName_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Fact]
    public void Parse_UnknownDay_IsRefusedWithSuggestion()
    {
        var message = Refusal("maintenance-windows:", "  - name: weekend", "    days: [sat, sonday]", "    start: '02:00'", "    duration-minutes: 60");

        Assert.Equal("policy.md:5: maintenance-windows[1].days: unknown day sonday; did you mean sunday?", message);
    }

    [Theory]
    [InlineData("rules: {model: {owners: [model-provider]}}", "policy.md:3: rules.model has no procedure")]
    [InlineData("rules: {model: {owners: [], procedure: x}}", "policy.md:3: rules.model.owners is empty; name at least one party")]
    public void Parse_IncompleteRule_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Fact]
    public void Parse_EscalationNotIncreasing_IsRefusedAtTheLaterStep()
    {
        var message = Refusal(
            "escalation:",
            "  - {days-after-due: 0, notify: owner-team-lead}",
            "  - {days-after-due: -3, notify: assignee}");

        Assert.Equal(
            "policy.md:5: escalation[2].days-after-due: -3 does not come after the previous step's 0; list steps in increasing order",
            message);
    }

    [Fact]
    public void Parse_EscalationRepeatsADay_IsRefused()
    {
        var message = Refusal("escalation: [{days-after-due: 7, notify: assignee}, {days-after-due: 7, notify: security-lead}]");

        Assert.Equal("policy.md:3: escalation[2].days-after-due: 7 does not come after the previous step's 7; list steps in increasing order", message);
    }

    [Theory]
    [InlineData(
        "escalation: [{days-after-due: 1, notify: security-led}]",
        "policy.md:3: escalation[1].notify: unknown recipient security-led; did you mean security-lead?; notify assignee, owner-team-lead, security-lead, user:NAME or team:NAME")]
    [InlineData(
        "escalation: [{days-after-due: 1, notify: 'user:'}]",
        "policy.md:3: escalation[1].notify: unknown recipient user:; notify assignee, owner-team-lead, security-lead, user:NAME or team:NAME")]
    [InlineData("escalation: [{notify: assignee}]", "policy.md:3: escalation[1] has no days-after-due")]
    [InlineData("escalation: [{days-after-due: 1, notify: assignee, via: sms}]", "policy.md:3: unknown key via in escalation[1]")]
    public void Parse_BadEscalationStep_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Theory]
    [InlineData("25:00", "policy.md:3: maintenance-windows[1].start: 25:00 is not a time of day; write HH:mm, e.g. \"02:00\"")]
    [InlineData("2am", "policy.md:3: maintenance-windows[1].start: 2am is not a time of day; write HH:mm, e.g. \"02:00\"")]
    public void Parse_BadMaintenanceTime_IsRefused(string start, string expected)
    {
        Assert.Equal(expected, Refusal($"maintenance-windows: [{{name: w, days: [sat], start: '{start}', duration-minutes: 60}}]"));
    }

    [Theory]
    [InlineData("duration-minutes: 0", "policy.md:3: maintenance-windows[1].duration-minutes: 0 minutes is below the minimum of 1")]
    [InlineData("duration-minutes: 60, time-zone: Mars/Olympus", "policy.md:3: maintenance-windows[1].time-zone: unknown time zone Mars/Olympus; use UTC or an IANA name such as Europe/Berlin")]
    public void Parse_BadMaintenanceWindow_IsRefused(string rest, string expected)
    {
        Assert.Equal(expected, Refusal($"maintenance-windows: [{{name: w, days: [sat], start: '02:00', {rest}}}]"));
    }

    [Theory]
    [InlineData("[{email: security}]", "policy.md:3: disclosure-contacts[1].email: security is not an e-mail address")]
    [InlineData("[{email: 'Security <security@example.com>'}]", "policy.md:3: disclosure-contacts[1].email: Security <security@example.com> is not an e-mail address")]
    [InlineData("[{email: security@localhost}]", "policy.md:3: disclosure-contacts[1].email: security@localhost is not an e-mail address")]
    [InlineData("[{url: 'http://example.com/security'}]", "policy.md:3: disclosure-contacts[1].url: http://example.com/security is not an https URL")]
    [InlineData("[{url: example.com}]", "policy.md:3: disclosure-contacts[1].url: example.com is not an https URL")]
    [InlineData("[{email: a@example.com, url: 'https://example.com'}]", "policy.md:3: disclosure-contacts[1]: give exactly one of email or url per contact")]
    [InlineData("[{phone: '+1 555'}]", "policy.md:3: unknown key phone in disclosure-contacts[1]")]
    public void Parse_BadDisclosureContact_IsRefused(string contacts, string expected)
    {
        Assert.Equal(expected, Refusal($"disclosure-contacts: {contacts}"));
    }

    [Theory]
    [InlineData("epss-poc-threshold: 0", "policy.md:3: epss-poc-threshold: 0 is outside (0, 1]; give a fraction such as 0.1")]
    [InlineData("epss-poc-threshold: 1.5", "policy.md:3: epss-poc-threshold: 1.5 is outside (0, 1]; give a fraction such as 0.1")]
    [InlineData("attack-success-active: -0.5", "policy.md:3: attack-success-active: -0.5 is outside (0, 1]; give a fraction such as 0.1")]
    [InlineData("attack-success-active: .nan", "policy.md:3: attack-success-active: .nan is not a number")]
    public void Parse_ThresholdOutside0To1_IsRefused(string line, string expected)
    {
        Assert.Equal(expected, Refusal(line));
    }

    [Fact]
    public void Parse_ThresholdOfOne_IsAllowed()
    {
        var parameters = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With("epss-poc-threshold: 1", "attack-success-active: 0.25")).Parameters;

        Assert.Equal(new(1.0, 0.25), parameters.ToPrioritizationSettings());
    }

    [Fact]
    public void Parse_YamlSyntaxError_IsWrappedWithItsLine()
    {
        var exception = Assert.Throws<PolicyFormatException>(
            () => PolicyDocument.Parse(PolicyText.FileName, PolicyText.With("review-interval-months: 6", "epss-poc-threshold: 0.1: 0.2")));

        Assert.Equal(4, exception.Line);
        Assert.Equal("policy.md:4: YAML syntax error: While scanning a plain scalar value, found invalid mapping.", exception.Message);
        Assert.IsType<YamlDotNet.Core.YamlException>(exception.InnerException, exactMatch: false);
    }

    [Fact]
    public void Parse_Anchor_IsRefused()
    {
        var message = Refusal("risk-acceptance: &acceptance {max-days: 30}");

        Assert.Equal("policy.md:3: YAML anchors and aliases (& and *) are not accepted in a policy; write each value out", message);
    }

    [Fact]
    public void Parse_BillionLaughs_IsRefusedAtTheFirstAnchor()
    {
        var message = Refusal(
            "stakeholders:",
            "  users: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
            "  teams: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
            "  parties: [*b, *b, *b, *b, *b, *b, *b, *b, *b]");

        Assert.Equal("policy.md:4: YAML anchors and aliases (& and *) are not accepted in a policy; write each value out", message);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefused()
    {
        var message = Refusal("stakeholders: {users: " + new string('[', 40) + new string(']', 40) + "}");

        Assert.Equal("policy.md:3: the front matter nests deeper than 16 levels", message);
    }

    [Fact]
    public void Message_WithoutLine_NamesOnlyTheFile()
    {
        var exception = new PolicyFormatException("p.md", "broken", null);

        Assert.Equal("p.md: broken", exception.Message);
        Assert.Null(exception.Line);
        Assert.Equal("broken", exception.Reason);
    }
}
