namespace Rampart.Core.Prioritization.Cvss;

/// <summary>Why a vector was refused: the offending part and what is wrong with it (messages are built only when asked for).</summary>
internal readonly record struct CvssParseError(string? Part, string Detail)
{
    public string Message(string vector) => $"Invalid CVSS vector '{vector.Trim()}': {Detail}";

    public CvssFormatException ToException(string vector) => new(vector, Part, Message(vector));
}
