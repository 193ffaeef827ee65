namespace Rampart.Core.Tests.Policies;

/// <summary>Small policy documents for the tests: a title on line 2, then the given front matter from line 3.</summary>
internal static class PolicyText
{
    public const string FileName = "policy.md";

    /// <summary>Front matter lines after the title, closed and followed by a one-line body.</summary>
    public static string With(params string[] frontMatter) =>
        string.Join('\n', ["---", "title: Test policy", .. frontMatter, "---", "# Body", ""]);
}
