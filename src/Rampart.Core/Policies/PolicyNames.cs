using System.Collections.Frozen;
using System.Text;
using Rampart.Core.Assets;

namespace Rampart.Core.Policies;

/// <summary>How policy documents spell enum values: lower-case kebab-case ("model-provider", "container-image").</summary>
internal static class PolicyNames
{
    public static FrozenDictionary<string, PolicyLayer> Layers { get; } = Of<PolicyLayer>();

    public static FrozenDictionary<string, SsrmParty> Parties { get; } =
        Of<SsrmParty>().Where(pair => pair.Value != SsrmParty.None).ToFrozenDictionary();

    public static FrozenDictionary<string, AssetKind> AssetKinds { get; } = Of<AssetKind>();

    public static FrozenDictionary<string, Criticality> Criticalities { get; } = Of<Criticality>();

    /// <summary>Three-letter and full English day names.</summary>
    public static FrozenDictionary<string, DayOfWeek> Days { get; } = Enum.GetValues<DayOfWeek>()
        .SelectMany(day =>
        {
            var full = day.ToString().ToLowerInvariant();
            return new[] { KeyValuePair.Create(full[..3], day), KeyValuePair.Create(full, day) };
        })
        .ToFrozenDictionary();

    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }

    private static FrozenDictionary<string, T> Of<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToFrozenDictionary(Kebab, value => value, StringComparer.Ordinal);
}
