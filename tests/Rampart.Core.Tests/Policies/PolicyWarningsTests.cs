using Rampart.Core.Policies;

namespace Rampart.Core.Tests.Policies;

public sealed class PolicyWarningsTests
{
    // Enough to silence the contact and stakeholder warnings, so that each test sees only its own.
    private static readonly string[] Communicated =
        ["disclosure-contacts: [{email: security@example.com}]", "stakeholders: {teams: [security]}"];

    private static IReadOnlyList<string> Warnings(params string[] frontMatter) =>
        PolicyDocument.Parse(PolicyText.FileName, PolicyText.With([.. Communicated, .. frontMatter])).Warnings;

    [Fact]
    public void Parse_DefaultsWithContactAndStakeholders_HaveNoWarnings()
    {
        // The defaults put every layer in scope and give every layer a rule.
        Assert.Empty(Warnings());
    }

    [Fact]
    public void Parse_LayerInScopeWithoutRule_Warns()
    {
        var warnings = Warnings(
            "scope: {layers: [model, data]}",
            "rules: {data: {owners: [ai-customer], procedure: Clean the data.}}");

        Assert.Equal(["layer model is in scope but has no rule"], warnings);
    }

    [Fact]
    public void Parse_RuleForLayerOutOfScope_Warns()
    {
        // The default rules cover all eight layers; with only model in scope, the other seven have rules out of scope.
        var warnings = Warnings("scope: {layers: [model]}");

        Assert.Equal(7, warnings.Count);
        Assert.Equal("layer physical has a rule but is not in scope", warnings[0]);
        Assert.Equal("layer managed-services has a rule but is not in scope", warnings[3]);
        Assert.Equal("layer data has a rule but is not in scope", warnings[6]);
    }

    [Fact]
    public void Parse_NoDisclosureContact_Warns()
    {
        var warnings = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With("stakeholders: {users: [alice]}")).Warnings;

        Assert.Equal(["no disclosure contact: TVM-01 asks for a vulnerability disclosure channel"], warnings);
    }

    [Fact]
    public void Parse_NoStakeholders_Warns()
    {
        var warnings = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With("disclosure-contacts: [{url: 'https://example.com/report'}]")).Warnings;

        Assert.Equal(["no stakeholders: TVM-01 asks that the policy be communicated, so name the users, teams or parties it goes to"], warnings);
    }

    [Fact]
    public void Parse_EmptyStakeholderLists_StillWarn()
    {
        var text = PolicyText.With("disclosure-contacts: [{email: a@example.com}]", "stakeholders: {users: [], teams: [], parties: []}");

        var warnings = PolicyDocument.Parse(PolicyText.FileName, text).Warnings;

        Assert.Single(warnings);
        Assert.StartsWith("no stakeholders", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TitleOnly_WarnsOfContactAndStakeholdersInThatOrder()
    {
        var warnings = PolicyDocument.Parse(PolicyText.FileName, PolicyText.With()).Warnings;

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("no disclosure contact", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("no stakeholders", warnings[1], StringComparison.Ordinal);
    }
}
