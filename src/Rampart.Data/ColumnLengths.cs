namespace Rampart.Data;

/// <summary>Maximum lengths of bounded text columns; writers clip untrusted scanner text to these.</summary>
public static class ColumnLengths
{
    public const int Name = 200;
    public const int Title = 500;
    public const int RuleId = 300;
    public const int Component = 500;
    public const int Purl = 1000;
    public const int Version = 200;
    public const int Path = 1000;
    public const int Message = 1000;
    public const int Tool = 200;
    public const int Fingerprint = 64;
    public const int Sha256Hex = 64;
    public const int FileName = 260;
    public const int Enum = 32;
    public const int Scope = 500;
    public const int VulnerabilityId = 100;
    public const int Tag = 2000;

    /// <summary>"CVE-" + year + up to 19 digits (the KEV schema's pattern).</summary>
    public const int CveId = 32;
}
