using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Versions;

/// <summary>Assertions over a scheme: a list is strictly ascending, two spellings are one version.</summary>
internal static class Ordering
{
    public static void AssertAscending(IVersionScheme scheme, params string[] versions)
    {
        var parsed = versions.Select(v => scheme.Parse(v) ?? throw new Xunit.Sdk.XunitException($"{scheme.Name} could not parse '{v}'")).ToArray();
        for (var i = 0; i < parsed.Length; i++)
        {
            for (var j = 0; j < parsed.Length; j++)
            {
                // Every pair, both ways: a comparer that is not antisymmetric or transitive fails here.
                var expected = i.CompareTo(j);
                var actual = Math.Sign(parsed[i].CompareTo(parsed[j]));
                Assert.True(expected == actual, $"{scheme.Name}: expected '{versions[i]}' {Sign(expected)} '{versions[j]}', got {Sign(actual)}");
            }
        }
    }

    public static void AssertSame(IVersionScheme scheme, string left, string right)
    {
        var a = scheme.Parse(left);
        var b = scheme.Parse(right);
        Assert.True(a is not null && b is not null, $"{scheme.Name} could not parse '{left}' or '{right}'");
        Assert.True(a.CompareTo(b) == 0, $"{scheme.Name}: expected '{left}' = '{right}'");
    }

    private static string Sign(int order) => order < 0 ? "<" : order > 0 ? ">" : "=";
}
