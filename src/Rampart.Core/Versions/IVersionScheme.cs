namespace Rampart.Core.Versions;

/// <summary>
/// An ecosystem's rule for ordering its version strings. Parsing is separate from comparing so that a version
/// is parsed once and compared many times (every event of every range that names its package).
/// </summary>
public interface IVersionScheme
{
    /// <summary>The scheme's name as reports and errors show it ("SemVer 2.0", "PEP 440").</summary>
    string Name { get; }

    /// <summary>The parsed version, comparable with every other version this scheme parsed; null when the text is not one.</summary>
    IComparable? Parse(string text);
}
