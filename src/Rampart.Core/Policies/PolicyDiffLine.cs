namespace Rampart.Core.Policies;

/// <summary>One line of a diff between two policy versions.</summary>
/// <param name="Kind">' ' unchanged, '+' only in the new text, '-' only in the old.</param>
/// <param name="OldLine">1-based line in the old text; null for an added line.</param>
/// <param name="NewLine">1-based line in the new text; null for a removed line.</param>
/// <param name="Text">The line without its line end.</param>
public sealed record PolicyDiffLine(char Kind, int? OldLine, int? NewLine, string Text);
