namespace Rampart.Core.Policies;

/// <summary>Rampart's starter TVM policy (docs/policy-template.md), for a new tenant to adapt and submit.</summary>
public static class PolicyTemplate
{
    /// <summary>The file name the starter is parsed and stored under.</summary>
    public const string FileName = "policy-template.md";

    private const string ResourceName = "Rampart.Core.Policies.policy-template.md";

    /// <summary>The starter policy's text; it parses with no warnings.</summary>
    public static string Starter { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(PolicyTemplate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Rampart.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
