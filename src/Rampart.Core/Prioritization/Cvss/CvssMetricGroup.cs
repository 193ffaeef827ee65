namespace Rampart.Core.Prioritization.Cvss;

/// <summary>The metric groups of the CVSS specifications (v4.0 calls the temporal group "threat").</summary>
internal enum CvssMetricGroup
{
    Base,
    Temporal,
    Environmental,
    Supplemental,
}
