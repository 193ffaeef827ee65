using System.Diagnostics.CodeAnalysis;

namespace Rampart.Core.Prioritization.Cvss;

/// <summary>The CVSS versions Rampart scores.</summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "V3_0 reads as the version number; the names are a shared contract.")]
public enum CvssVersion
{
    /// <summary>CVSS v2.0 (the complete guide, June 2007).</summary>
    V2,

    /// <summary>CVSS v3.0 (specification document, June 2015).</summary>
    V3_0,

    /// <summary>CVSS v3.1 (specification document, June 2019).</summary>
    V3_1,

    /// <summary>CVSS v4.0 (specification document, November 2023).</summary>
    V4_0,
}
