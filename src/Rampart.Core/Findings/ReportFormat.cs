namespace Rampart.Core.Findings;

/// <summary>Input formats Rampart reads. Stored as text; append new ones freely.</summary>
public enum ReportFormat
{
    Auto,
    Sarif,
    CycloneDx,
    Trivy,
}
