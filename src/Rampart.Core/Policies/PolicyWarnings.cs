namespace Rampart.Core.Policies;

/// <summary>Gaps in a policy that TVM-01 cares about but that do not make its parameters wrong.</summary>
internal static class PolicyWarnings
{
    public static IReadOnlyList<string> Of(PolicyParameters parameters)
    {
        var warnings = new List<string>();
        foreach (var layer in parameters.Scope.Layers.Where(layer => !parameters.Rules.ContainsKey(layer)).Order())
        {
            warnings.Add($"layer {PolicyLayers.Name(layer)} is in scope but has no rule");
        }

        foreach (var layer in parameters.Rules.Keys.Where(layer => !parameters.Scope.Layers.Contains(layer)).Order())
        {
            warnings.Add($"layer {PolicyLayers.Name(layer)} has a rule but is not in scope");
        }

        if (parameters.DisclosureContacts.Count == 0)
        {
            warnings.Add("no disclosure contact: TVM-01 asks for a vulnerability disclosure channel");
        }

        if (parameters.Stakeholders.IsEmpty)
        {
            warnings.Add("no stakeholders: TVM-01 asks that the policy be communicated, so name the users, teams or parties it goes to");
        }

        return warnings;
    }
}
